# Lazy generator pipelines
def read_records():
    raw = ["id,name,score", "1,ann,91", "2,bob,x", "3,cyd,78", "", "4,dan,85"]
    for line in raw:
        print(f"  reading {line!r}")
        yield line

def parse(lines):
    header = None
    for line in lines:
        if not line:
            continue
        fields = line.split(",")
        if header is None:
            header = fields
            continue
        yield dict(zip(header, fields))

def valid(records):
    for r in records:
        if r["score"].isdigit():
            yield {**r, "score": int(r["score"])}

pipeline = valid(parse(read_records()))
print("pipeline built, nothing read yet")
first = next(pipeline)
print("first:", first)
rest = list(pipeline)
print("rest:", rest)
print("average:", sum(r["score"] for r in [first, *rest]) / (1 + len(rest)))
