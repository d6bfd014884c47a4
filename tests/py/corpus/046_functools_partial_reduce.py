# functools.partial and functools.reduce
import functools
import operator

def power(base, exponent):
    return base ** exponent

square = functools.partial(power, exponent=2)
cube = functools.partial(power, exponent=3)
print(square(5), cube(2))
two_to = functools.partial(power, 2)
print([two_to(n) for n in range(6)])
print(square.func.__name__, square.keywords)

print(functools.reduce(operator.add, [1, 2, 3, 4]))
print(functools.reduce(lambda acc, x: acc * x, range(1, 6), 1))
print(functools.reduce(lambda a, b: a if a > b else b, [3, 9, 2]))
words = ["a", "bb", "ccc"]
print(functools.reduce(lambda acc, w: acc + len(w), words, 0))
nested = [[1, 2], [3], [4, 5]]
print(functools.reduce(operator.concat, nested))
int_base2 = functools.partial(int, base=2)
print(int_base2("1011"))

@functools.lru_cache(maxsize=None)
def ways(n):
    return 1 if n <= 1 else ways(n - 1) + ways(n - 2)

print(ways(50), ways.cache_info().hits > 0)
