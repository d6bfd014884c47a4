# list, dict and set comprehensions
squares = [x * x for x in range(10)]
print(squares)
evens = [x for x in range(20) if x % 2 == 0]
print(evens)
pairs = [(x, y) for x in range(3) for y in range(3) if x != y]
print(pairs)
matrix = [[i * 3 + j for j in range(3)] for i in range(3)]
print(matrix)
transposed = [[row[i] for row in matrix] for i in range(3)]
print(transposed)
flat = [n for row in matrix for n in row]
print(flat)
words = ["hello", "world", "python", "is", "fun"]
lengths = {w: len(w) for w in words}
print(lengths)
print({len(w) for w in words})
labels = ["even" if n % 2 == 0 else "odd" for n in range(5)]
print(labels)
inverted = {v: k for k, v in {"a": 1, "b": 2}.items()}
print(inverted)
print([c.upper() for c in "abc"], [i for i in range(3) if False])
