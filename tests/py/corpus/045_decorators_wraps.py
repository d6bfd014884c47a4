# Decorators with functools.wraps
import functools

def log_calls(func):
    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        print(f"calling {func.__name__}{args}")
        result = func(*args, **kwargs)
        print(f"{func.__name__} returned {result!r}")
        return result
    return wrapper

def repeat(times):
    def decorator(func):
        @functools.wraps(func)
        def wrapper(*args, **kwargs):
            return [func(*args, **kwargs) for _ in range(times)]
        return wrapper
    return decorator

@log_calls
def add(a, b):
    """Add two numbers."""
    return a + b

@repeat(3)
def greet(name):
    return f"hi {name}"

add(2, 3)
print(add.__name__, add.__doc__)
print(greet("bo"), greet.__name__)

def memo(func):
    cache = {}
    @functools.wraps(func)
    def inner(n):
        if n not in cache:
            cache[n] = func(n)
        return cache[n]
    return inner

@memo
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)

print(fib(80))
