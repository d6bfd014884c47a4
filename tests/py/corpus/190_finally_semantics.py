# Subtle try/finally behaviour: return in finally, finally with break/continue
def returns_from_finally():
    try:
        return "try"
    finally:
        print("finally executes before the return completes")

def order_of_events():
    events = []
    for i in range(3):
        try:
            if i == 1:
                continue
            events.append(f"body {i}")
        finally:
            events.append(f"finally {i}")
    return events

def nested():
    try:
        try:
            raise ValueError("inner")
        finally:
            print("inner finally")
    except ValueError as e:
        print("outer except:", e)
    finally:
        print("outer finally")

def exception_replaced():
    try:
        try:
            raise KeyError("first")
        finally:
            raise RuntimeError("second")
    except RuntimeError as e:
        return f"{e!r} context={e.__context__!r}"

print(returns_from_finally())
print(order_of_events())
nested()
print(exception_replaced())
