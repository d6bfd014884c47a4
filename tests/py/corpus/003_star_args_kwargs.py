# *args and **kwargs
def total(*args):
    print("args =", args)
    return sum(args)

print(total())
print(total(1, 2, 3))
nums = [4, 5, 6]
print(total(*nums))

def show(**kwargs):
    for key, value in kwargs.items():
        print(f"  {key} = {value!r}")
    return len(kwargs)

print(show(a=1, b="two", c=[3]))
opts = {"color": "red", "size": 10}
print(show(**opts))

def everything(first, *rest, sep=", ", **extra):
    text = sep.join(str(x) for x in (first, *rest))
    if extra:
        text += " " + str(sorted(extra.items()))
    return text

print(everything(1))
print(everything(1, 2, 3, sep="/"))
print(everything("x", "y", flag=True, level=3))
