# Catching RecursionError
def forever(n):
    return forever(n + 1)

try:
    forever(0)
except RecursionError as e:
    print("caught RecursionError")
    print(isinstance(e, RuntimeError))

def depth(n):
    try:
        return depth(n + 1)
    except RecursionError:
        return n

d = depth(0)
print("deep enough:", d > 100)

def countdown(n):
    if n == 0:
        return "done"
    return countdown(n - 1)

print(countdown(200))
