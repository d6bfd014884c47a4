# Truthiness, boolean operators, chained comparisons, identity
values = [0, 1, -1, 0.0, "", "0", [], [0], {}, None, (), (None,)]
for v in values:
    print(f"{v!r:>8} -> {bool(v)}")
print(None is None, [] is [], [] == [], 1 == 1.0)
print(1 < 2 < 3, 3 > 2 > 2, 1 < 3 > 2, 1 == 1 != 2)
print(not 0, not "x", (1 and 0) or "fallback")
x = None
name = x or "anonymous"
print(name)
print(5 if True else 6, "yes" if [] else "no")
print(all(v for v in [1, "a"]), any(v for v in [None, 0]))
print(isinstance(None, object), type(None).__name__)
print(3 in [1, 2, 3], "b" in "abc", "k" in {"k": 1}, 4 not in {1, 2})
