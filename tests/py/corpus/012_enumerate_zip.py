# enumerate and zip
colors = ["red", "green", "blue"]
for i, color in enumerate(colors):
    print(i, color)
for i, color in enumerate(colors, start=1):
    print(f"{i}. {color}")
names = ["a", "b", "c", "d"]
scores = [90, 80, 70]
for name, score in zip(names, scores):
    print(name, score)
print(list(zip(names, scores)))
print(list(zip(*[(1, "x"), (2, "y"), (3, "z")])))
print(dict(zip(names, scores)))
print(list(enumerate("ab")))
for (i, n), s in zip(enumerate(names), scores):
    print(i, n, s)
pairs = list(zip(range(3), range(10, 13), "xyz"))
print(pairs)
