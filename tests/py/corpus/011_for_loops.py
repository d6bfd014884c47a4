# for over range, list, tuple, dict, str
for i in range(3):
    print("range", i)
for i in range(10, 0, -3):
    print("step", i)
for fruit in ["apple", "banana"]:
    print("list", fruit)
for item in (1, "two", 3.0):
    print("tuple", repr(item))
ages = {"ann": 30, "ben": 25}
for name in ages:
    print("key", name)
for name, age in ages.items():
    print(f"{name} is {age}")
for v in ages.values():
    print("value", v)
for ch in "hey":
    print("char", ch)
for i in range(5):
    if i == 3:
        break
else:
    print("not printed")
for i in range(2):
    pass
else:
    print("loop finished without break")
matrix = [[1, 2], [3, 4]]
for row in matrix:
    for cell in row:
        print(cell, end=" ")
print()
