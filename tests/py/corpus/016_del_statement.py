# del on names, list items, slices, dict keys, attributes
x = 5
del x
try:
    print(x)
except NameError as e:
    print("NameError:", e)
nums = list(range(10))
del nums[0]
del nums[-1]
print(nums)
del nums[2:5]
print(nums)
del nums[::2]
print(nums)
d = {"a": 1, "b": 2, "c": 3}
del d["b"]
print(d)
try:
    del d["zzz"]
except KeyError as e:
    print("KeyError:", e)

class Box:
    pass

b = Box()
b.value = 42
print(hasattr(b, "value"))
del b.value
print(hasattr(b, "value"))
a, c = 1, 2
del a, c
print("a" in dir(), "c" in dir())
