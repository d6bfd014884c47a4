# Number formatting in tables
rows = [("north", 1234567, 0.0712), ("south", 98765, -0.031), ("east", 5, 1.5)]
print(f"{'region':<8}|{'sales':>12}|{'growth':>8}")
print("-" * 30)
for region, sales, growth in rows:
    print(f"{region:<8}|{sales:>12,}|{growth:>8.1%}")
print("-" * 30)
total = sum(r[1] for r in rows)
print(f"{'total':<8}|{total:>12,}|")
for n in [0, 7, 42, 1000]:
    print(f"{n:04d} {n:>6} {n:<6}| {n:^7}| {n:#06x}")
print(format(1234.5, ",.1f"), format(0.5, ".0%"), format(12, "b"))
print(str(12).rjust(5, "0"), "{:>5}".format(3.14))
