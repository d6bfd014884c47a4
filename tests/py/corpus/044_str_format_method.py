# str.format and %-formatting
print("{} {}".format("hello", "world"))
print("{1} {0} {1}".format("a", "b"))
print("{name} is {age} years".format(name="Ann", age=30))
print("{0[0]} {0[1]}".format(["x", "y"]))
print("{p[k]}".format(p={"k": "v"}))
print("{:>8}|{:<8}|{:^8}|".format("r", "l", "c"))
print("{:.3f} {:+.1f} {:,}".format(2 / 3, 5, 10 ** 7))
print("{:08.3f} {:x} {:o} {:b}".format(3.14159, 255, 8, 5))
print("{!r} {!s}".format("q", "q"))
print("%d items at %.2f each = %8.2f" % (3, 1.5, 4.5))
print("%s|%5s|%-5s|" % ("a", "b", "c"))
print("%05d %x %o %e" % (42, 255, 8, 12345.678))
print("%(name)s=%(val)d" % {"name": "n", "val": 7})
row = "{:<10}{:>6}"
print(row.format("Name", "Score"))
for name, score in [("ann", 91), ("bob", 7)]:
    print(row.format(name, score))
