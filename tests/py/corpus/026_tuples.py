# tuples
t = (1, 2, 3, 2)
print(t, len(t), t[0], t[-1], t[1:3])
print(t.count(2), t.index(3))
single = (5,)
empty = ()
print(single, empty, type(single).__name__, len(empty))
print((1, 2) + (3,), (0,) * 3)
print(tuple("abc"), tuple([1, 2]), tuple(range(3)))
try:
    t[0] = 100
except TypeError:
    print("tuples are immutable")
point = 3, 4
x, y = point
print(x, y, (x ** 2 + y ** 2) ** 0.5)
print(sorted([(2, "b"), (1, "z"), (2, "a")]))
print((1, 2) < (1, 3), (2,) > (1, 99))
def min_max(seq):
    return min(seq), max(seq)
lo, hi = min_max([5, 3, 8])
print(lo, hi, min_max("hello"))
nested = ((1, 2), (3, (4, 5)))
print(nested[1][1][0], hash((1, 2)) == hash((1, 2)))
