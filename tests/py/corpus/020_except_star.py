# ExceptionGroup and except*
def risky():
    raise ExceptionGroup("several problems", [
        ValueError("bad value"),
        TypeError("bad type"),
        ValueError("another value"),
    ])

try:
    risky()
except* ValueError as eg:
    print("ValueErrors:", [str(e) for e in eg.exceptions])
except* TypeError as eg:
    print("TypeErrors:", [str(e) for e in eg.exceptions])

eg = ExceptionGroup("top", [KeyError("k"), ExceptionGroup("inner", [OSError("disk")])])
print(eg)
print(len(eg.exceptions), repr(eg.exceptions[0]))
match, rest = eg.split(KeyError)
print("match:", match.exceptions, "rest:", rest)

try:
    try:
        raise ExceptionGroup("g", [ValueError(1), ZeroDivisionError("z")])
    except* ValueError:
        print("handled the ValueError part")
except ExceptionGroup as leftover:
    print("leftover:", leftover, leftover.exceptions)
