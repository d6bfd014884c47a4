# assert statements and AssertionError
def divide(a, b):
    assert b != 0, "b must not be zero"
    return a / b

print(divide(10, 4))
try:
    divide(1, 0)
except AssertionError as e:
    print("AssertionError:", e)

try:
    assert 1 + 1 == 3
except AssertionError as e:
    print("bare assert message:", repr(str(e)))

def check_sorted(xs):
    for a, b in zip(xs, xs[1:]):
        assert a <= b, f"{a} > {b}"
    return True

print(check_sorted([1, 2, 3]))
try:
    check_sorted([1, 3, 2])
except AssertionError as e:
    print("not sorted:", e)
