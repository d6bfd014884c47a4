# Sync generators
def countdown(n):
    print("starting countdown")
    while n > 0:
        yield n
        n -= 1
    print("countdown finished")

gen = countdown(3)
print("created generator")
for value in gen:
    print("got", value)

def fibonacci():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b

fib = fibonacci()
print([next(fib) for _ in range(10)])

def read_lines(text):
    for line in text.splitlines():
        if line.strip():
            yield line.strip()

def numbered(lines):
    for i, line in enumerate(lines, 1):
        yield f"{i}: {line}"

doc = "first\n\n  second  \nthird\n"
for entry in numbered(read_lines(doc)):
    print(entry)

def chain(*iterables):
    for it in iterables:
        yield from it

print(list(chain([1, 2], "ab", range(2))))
