# Recursive functions
def factorial(n):
    return 1 if n <= 1 else n * factorial(n - 1)

def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)

def hanoi(n, src, dst, via, moves):
    if n == 0:
        return
    hanoi(n - 1, src, via, dst, moves)
    moves.append((src, dst))
    hanoi(n - 1, via, dst, src, moves)

def flatten(items):
    out = []
    for x in items:
        if isinstance(x, list):
            out.extend(flatten(x))
        else:
            out.append(x)
    return out

print(factorial(10))
print(factorial(30))
print([fib(i) for i in range(15)])
moves = []
hanoi(3, "A", "C", "B", moves)
print(len(moves), moves[:3])
print(flatten([1, [2, [3, [4, [5]]]], 6]))
