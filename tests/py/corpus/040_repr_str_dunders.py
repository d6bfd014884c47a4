# __repr__, __str__, __eq__, __len__, __add__ and friends
class Vector:
    def __init__(self, x, y):
        self.x = x
        self.y = y
    def __repr__(self):
        return f"Vector({self.x!r}, {self.y!r})"
    def __str__(self):
        return f"<{self.x}, {self.y}>"
    def __add__(self, other):
        return Vector(self.x + other.x, self.y + other.y)
    def __mul__(self, k):
        return Vector(self.x * k, self.y * k)
    def __eq__(self, other):
        return isinstance(other, Vector) and (self.x, self.y) == (other.x, other.y)
    def __abs__(self):
        return (self.x ** 2 + self.y ** 2) ** 0.5
    def __bool__(self):
        return bool(self.x or self.y)
    def __len__(self):
        return 2
    def __getitem__(self, i):
        return (self.x, self.y)[i]

v = Vector(3, 4)
w = Vector(1, 2)
print(v, repr(v), [v, w])
print(v + w, v * 2, abs(v), v == Vector(3, 4), v == w)
print(bool(Vector(0, 0)), len(v), v[0], list(v))
print(f"{v} and {v!r}")
print(str(w), "%s / %r" % (w, w))
