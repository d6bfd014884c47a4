# Closures and nonlocal
def make_counter():
    count = 0
    def increment(step=1):
        nonlocal count
        count += step
        return count
    return increment

c1 = make_counter()
c2 = make_counter()
print(c1(), c1(), c1(10))
print(c2())

def make_multipliers():
    return [lambda x, i=i: x * i for i in range(4)]

print([m(10) for m in make_multipliers()])

def late_binding():
    return [lambda x: x * i for i in range(4)]

print([m(10) for m in late_binding()])

def outer():
    msg = "outer"
    def inner():
        msg = "inner"
        return msg
    inner()
    return msg

print(outer())

def accumulator(start):
    total = start
    def add(x):
        nonlocal total
        total += x
        return total
    return add

acc = accumulator(100)
for n in [1, 2, 3]:
    print(acc(n))
