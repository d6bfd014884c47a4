# repr of nested containers and exceptions
print([1, 'a', ValueError('x')])
print({"k": [1, (2, 3)], "s": {4}})
print((1,), ("a", None, True), [[], {}, ()])
print(repr("it's"), repr('say "hi"'), repr("both ' and \""))
print([1.0, 0.1, -0.0, 1e100, float("inf")])
print({"nested": {"deeper": ["x", ("y",)]}})
print(repr(KeyError("k")), str(KeyError("k")), repr(Exception()), repr(Exception(1, "two")))
print(ValueError("a", 1), RuntimeError(), [TypeError("t")])
print(repr("tab\there"), repr("new\nline"), ["\\"])
class Point:
    def __init__(self, x, y):
        self.x, self.y = x, y
    def __repr__(self):
        return f"Point({self.x}, {self.y})"
print([Point(1, 2), Point(0, 0)], {"p": Point(3, 4)})
print(str([Point(5, 6)]))
print(range(3), range(1, 10, 2), slice(1, 2))
print(repr(b"bytes"), [None])
