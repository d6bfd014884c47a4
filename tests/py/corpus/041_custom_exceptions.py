# Custom exception hierarchy
class AppError(Exception):
    """Base class for this app's errors."""

class NotFound(AppError):
    def __init__(self, key):
        super().__init__(f"{key!r} not found")
        self.key = key

class Invalid(AppError):
    pass

DB = {"alice": 30}

def get_age(name):
    if not name:
        raise Invalid("empty name")
    if name not in DB:
        raise NotFound(name)
    return DB[name]

for name in ["alice", "bob", ""]:
    try:
        print(name, get_age(name))
    except NotFound as e:
        print("not found:", e, "| key =", e.key)
    except AppError as e:
        print(type(e).__name__, e)

e = NotFound("zed")
print(repr(e), e.args, isinstance(e, Exception))
print([Invalid("x"), NotFound(1)])
