# str(e), repr(e), e.args, type(e).__name__
errors = [ValueError("bad"), KeyError("key"), IndexError(), OSError(2, "No such file"),
          ZeroDivisionError("division by zero"), Exception("a", 1)]
for e in errors:
    print(f"{type(e).__name__:<18} str={str(e)!r:<28} args={e.args}")
try:
    {}["missing"]
except KeyError as e:
    print("caught", e, repr(e))
try:
    [1, 2][5]
except IndexError as e:
    print("caught", e)
try:
    int("abc")
except ValueError as e:
    print("caught", e)
try:
    1 / 0
except ZeroDivisionError as e:
    print("caught", e)
try:
    None.upper()
except AttributeError as e:
    print("caught AttributeError")
e = ValueError("x")
e.add_note("extra info")
print(e.__notes__)
print(isinstance(KeyError(), LookupError), issubclass(ZeroDivisionError, ArithmeticError))
