# center, ljust, rjust, zfill, partition, expandtabs
title = "Report"
print("[" + title.center(20) + "]")
print("[" + title.center(20, "*") + "]")
print("[" + title.ljust(10, ".") + "]")
print("[" + title.rjust(10) + "]")
print("42".zfill(5), "-42".zfill(5), "abc".zfill(2))
print("key=value=x".partition("="), "key=value=x".rpartition("="))
print("no-sep".partition(":"))
print("Python".removeprefix("Py"), "test.py".removesuffix(".py"))
print("a\tb".expandtabs(4))
rows = [("apple", 3, 1.5), ("kiwi", 12, 0.25), ("watermelon", 1, 3.0)]
for name, qty, price in rows:
    print(name.ljust(12) + str(qty).rjust(4) + f"{price:8.2f}")
print("hello world".capitalize(), "HeLLo".casefold())
print("tic-tac-toe".translate(str.maketrans("-", "_")))
print("   x   ".strip() == "x", "xxhixx".strip("x"))
