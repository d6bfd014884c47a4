# Polymorphism with a base class and NotImplementedError
import math

class Shape:
    def area(self):
        raise NotImplementedError(f"{type(self).__name__} must implement area()")
    def describe(self):
        return f"{type(self).__name__} with area {self.area():.2f}"

class Circle(Shape):
    def __init__(self, r):
        self.r = r
    def area(self):
        return math.pi * self.r ** 2

class Rect(Shape):
    def __init__(self, w, h):
        self.w, self.h = w, h
    def area(self):
        return self.w * self.h

class Square(Rect):
    def __init__(self, side):
        super().__init__(side, side)

class Blob(Shape):
    pass

shapes = [Circle(1), Rect(2, 3.5), Square(4), Blob()]
for s in shapes:
    try:
        print(s.describe())
    except NotImplementedError as e:
        print("error:", e)
print(sorted(type(s).__name__ for s in shapes if isinstance(s, Rect)))
print(f"total area {sum(s.area() for s in shapes[:3]):.3f}")
