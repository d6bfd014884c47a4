# try / except (several clauses) / else / finally
def parse(text):
    try:
        value = int(text)
    except ValueError:
        print(f"  {text!r}: not a number")
        return None
    except TypeError as e:
        print(f"  {text!r}: wrong type ({e})")
        return None
    else:
        print(f"  {text!r}: parsed {value}")
        return value
    finally:
        print("  finally runs for", repr(text))

for item in ["42", "abc", None]:
    print("result:", parse(item))

def lookup(d, key):
    try:
        return d[key] / d["div"]
    except (KeyError, ZeroDivisionError) as e:
        return f"{type(e).__name__}: {e}"

print(lookup({"a": 1, "div": 2}, "a"))
print(lookup({"a": 1, "div": 0}, "a"))
print(lookup({"div": 1}, "b"))

def finally_wins():
    try:
        return "try"
    finally:
        print("cleanup before return")

print(finally_wins())
