# raise, bare raise (re-raise) inside except
def validate(age):
    if not isinstance(age, int):
        raise TypeError("age must be an int")
    if age < 0:
        raise ValueError(f"negative age: {age}")
    return age

for a in [5, -1, "x"]:
    try:
        print("ok", validate(a))
    except (TypeError, ValueError) as e:
        print("caught", type(e).__name__, e)

def log_and_reraise():
    try:
        1 / 0
    except ZeroDivisionError:
        print("logging the error")
        raise

try:
    log_and_reraise()
except ZeroDivisionError as e:
    print("re-raised:", e)

try:
    raise KeyError("missing")
except LookupError as e:
    print("LookupError catches KeyError:", repr(e))

try:
    raise RuntimeError
except RuntimeError as e:
    print("no message:", repr(e), str(e) == "")
