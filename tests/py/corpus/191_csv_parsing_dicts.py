# Parsing CSV-like text into dicts and summarising it
TEXT = """city,country,population
Paris,France,2148000
Lyon,France,513000
Berlin,Germany,3645000
Munich,Germany,1472000
Hamburg,Germany,1841000"""

lines = TEXT.strip().split("\n")
header = lines[0].split(",")
rows = [dict(zip(header, line.split(","))) for line in lines[1:]]
for row in rows:
    row["population"] = int(row["population"])
print(rows[0])
by_country = {}
for row in rows:
    by_country.setdefault(row["country"], []).append(row)
for country, cities in sorted(by_country.items()):
    total = sum(c["population"] for c in cities)
    biggest = max(cities, key=lambda c: c["population"])["city"]
    print(f"{country:<8} cities={len(cities)} total={total:>10,} biggest={biggest}")
names = ", ".join(sorted(r["city"] for r in rows if r["population"] > 1_000_000))
print("over a million:", names)
