# typing: the names annotations use. No type is checked (CPython checks none at run
# time either); each prints as CPython's does (typing.List) and can be subscripted.


class _Alias:
    def __init__(self, name, args=()):
        self._name = name
        self.__args__ = args

    def __getitem__(self, args):
        return _Alias(self._name, args if type(args) is tuple else (args,))

    def __repr__(self):
        if not self.__args__:
            return "typing." + self._name
        return f"typing.{self._name}[{', '.join(_type_repr(a) for a in self.__args__)}]"


def _type_repr(t):
    # As CPython's typing._type_repr: a builtin class by its name, others with their module.
    if isinstance(t, type):
        if t.__module__ == "builtins":
            return t.__qualname__
        return f"{t.__module__}.{t.__qualname__}"
    if t is ...:
        return "..."
    if isinstance(t, list):
        return f"[{', '.join(_type_repr(a) for a in t)}]"
    return repr(t)


Any = _Alias("Any")
List = _Alias("List")
Dict = _Alias("Dict")
Set = _Alias("Set")
Tuple = _Alias("Tuple")
Optional = _Alias("Optional")
Union = _Alias("Union")
Callable = _Alias("Callable")
Awaitable = _Alias("Awaitable")
Coroutine = _Alias("Coroutine")
AsyncIterator = _Alias("AsyncIterator")
AsyncIterable = _Alias("AsyncIterable")
AsyncGenerator = _Alias("AsyncGenerator")
Iterator = _Alias("Iterator")
Iterable = _Alias("Iterable")
Generator = _Alias("Generator")
Sequence = _Alias("Sequence")
Mapping = _Alias("Mapping")
Type = _Alias("Type")
NoReturn = _Alias("NoReturn")
Final = _Alias("Final")
ClassVar = _Alias("ClassVar")
