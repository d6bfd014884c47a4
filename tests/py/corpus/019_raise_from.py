# raise ... from ... and exception chaining
class ConfigError(Exception):
    pass

def load(cfg):
    try:
        return int(cfg["port"])
    except KeyError as e:
        raise ConfigError("port missing") from e
    except ValueError as e:
        raise ConfigError("bad port") from e

for cfg in [{"port": "80"}, {}, {"port": "http"}]:
    try:
        print("port", load(cfg))
    except ConfigError as e:
        print("caught", e)
        print("  cause:", repr(e.__cause__))
        print("  suppress context:", e.__suppress_context__)

try:
    try:
        1 / 0
    except ZeroDivisionError:
        raise ValueError("while handling")
except ValueError as e:
    print("context:", repr(e.__context__), "cause:", e.__cause__)

try:
    raise RuntimeError("no chain") from None
except RuntimeError as e:
    print(e, e.__cause__, e.__suppress_context__)
