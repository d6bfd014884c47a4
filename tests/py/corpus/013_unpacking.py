# Tuple unpacking, starred assignment, swapping
a, b = 1, 2
a, b = b, a
print(a, b)
first, *middle, last = [1, 2, 3, 4, 5]
print(first, middle, last)
head, *tail = "hello"
print(head, tail)
*init, end = (10, 20)
print(init, end)
(x, y), z = (1, 2), 3
print(x, y, z)
for i, (name, score) in enumerate([("ann", 3), ("bo", 5)]):
    print(i, name, score)
point = {"x": 1, "y": 2}
px, py = point.values()
print(px, py)
merged = [*range(3), *"ab", *[9]]
print(merged)
d = {**point, "z": 3}
print(d)
try:
    p, q = [1, 2, 3]
except ValueError as e:
    print("ValueError:", e)
