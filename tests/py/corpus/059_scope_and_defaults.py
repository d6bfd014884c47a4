# Default arguments evaluated once, scopes, functions as objects
def add_item(x, bucket=[]):
    bucket.append(x)
    return bucket

print(add_item(1))
print(add_item(2))
print(add_item(3, []))

def apply(f, *args):
    return f(*args)

print(apply(max, 3, 7), apply(len, "four"))
ops = {"add": lambda a, b: a + b, "mul": lambda a, b: a * b}
for name in sorted(ops):
    print(name, ops[name](6, 7))

def outer():
    x = "enclosing"
    def inner():
        return x
    x = "changed"
    return inner()

print(outer())
funcs = []
for i in range(3):
    def f(i=i):
        return i * 10
    funcs.append(f)
print([f() for f in funcs])
print(add_item.__defaults__)
