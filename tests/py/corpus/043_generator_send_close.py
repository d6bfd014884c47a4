# Generator send(), return value, close(), StopIteration.value
def averager():
    total = count = 0
    average = None
    while True:
        value = yield average
        if value is None:
            break
        total += value
        count += 1
        average = total / count
    return count

avg = averager()
next(avg)
for v in [10, 20, 60]:
    print("average:", avg.send(v))
try:
    avg.send(None)
except StopIteration as stop:
    print("returned", stop.value)

def delegator():
    result = yield from averager()
    print("sub-generator processed", result)
    yield "end"

d = delegator()
next(d)
d.send(1)
print(d.send(None))

def with_cleanup():
    try:
        yield 1
        yield 2
    finally:
        print("generator cleanup")

g = with_cleanup()
print(next(g))
g.close()
print("closed")
