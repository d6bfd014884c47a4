# set methods (ints print in order; strings are sorted before printing)
a = {1, 2, 3, 4}
b = {3, 4, 5}
print(a | b, a & b, a - b, a ^ b)
print(a.union(b), a.intersection(b), a.difference(b))
a.add(10)
a.discard(1)
a.discard(99)
print(a)
a.remove(2)
print(a, len(a), 3 in a)
try:
    a.remove(42)
except KeyError as e:
    print("KeyError:", e)
print({1, 2} <= {1, 2, 3}, {1, 2}.issubset({1}), {1, 2, 3}.issuperset({2}))
print(set([3, 3, 1, 2, 1]), set(), len(set("mississippi")))
words = {"pear", "apple", "fig", "apple"}
print(sorted(words))
print(sorted({w[0] for w in words}))
evens = {x for x in range(10) if x % 2 == 0}
print(evens, evens.isdisjoint({1, 3}))
fs = frozenset([1, 2])
print(fs, fs | {3})
s = {5, 6}
print(s.pop() in (5, 6), len(s))
