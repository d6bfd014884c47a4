# print with sep= and end=, multiple arguments, empty print
print("Hello, World!")
print("a", "b", "c")
print("a", "b", "c", sep="-")
print("no newline", end="")
print(" ... continued")
print(1, 2.5, True, None, sep=" | ")
print()
print("x", end="!\n")
for i in range(3):
    print(i, end=" ")
print()
print(*[1, 2, 3], sep=", ")
print("tab\tseparated", 'quote"s', "back\\slash")
