# Positional, default and keyword arguments
def greet(name, greeting="Hello", punctuation="!"):
    return f"{greeting}, {name}{punctuation}"

print(greet("Alice"))
print(greet("Bob", "Hi"))
print(greet("Carol", punctuation="?"))
print(greet(greeting="Hey", name="Dave"))

def power(base, exp=2):
    return base ** exp

print(power(3), power(2, 10), power(exp=3, base=4))

def describe(x, *, unit="m"):
    return f"{x}{unit}"

print(describe(5), describe(7, unit="km"))
try:
    describe(1, "cm")
except TypeError:
    print("keyword-only argument enforced")

def append_to(item, items=None):
    if items is None:
        items = []
    items.append(item)
    return items

print(append_to(1), append_to(2))
