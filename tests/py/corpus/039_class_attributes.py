# Class attributes vs instance attributes, classmethod, staticmethod, property
class Counter:
    instances = 0
    default_step = 1

    def __init__(self, name):
        self.name = name
        self.value = 0
        Counter.instances += 1

    def tick(self):
        self.value += self.default_step
        return self.value

    @classmethod
    def how_many(cls):
        return f"{cls.__name__}: {cls.instances} instances"

    @staticmethod
    def helper(x):
        return x * 2

    @property
    def label(self):
        return f"{self.name}={self.value}"

a = Counter("a")
b = Counter("b")
a.tick(); a.tick()
b.default_step = 10
b.tick()
print(a.label, b.label)
print(Counter.how_many(), Counter.helper(21))
print(Counter.default_step, a.default_step, b.default_step)
Counter.default_step = 5
print(a.tick(), b.tick())
try:
    a.label = "x"
except AttributeError:
    print("property has no setter")
