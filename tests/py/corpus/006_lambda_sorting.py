# lambda with sorted, map, filter
square = lambda x: x * x
print(square(7))
people = [("alice", 31), ("bob", 25), ("carol", 35), ("dave", 25)]
print(sorted(people, key=lambda p: p[1]))
print(sorted(people, key=lambda p: (p[1], p[0]), reverse=True))
print(list(map(lambda p: p[0].title(), people)))
print(list(filter(lambda p: p[1] > 28, people)))
words = ["banana", "Apple", "cherry", "date"]
print(sorted(words))
print(sorted(words, key=str.lower))
print(sorted(words, key=len))
print(max(words, key=len), min(words, key=lambda w: w[-1]))
compose = lambda f, g: lambda x: f(g(x))
inc_then_double = compose(lambda x: x * 2, lambda x: x + 1)
print(inc_then_double(5))
print((lambda *a, **k: (a, k))(1, 2, z=3))
