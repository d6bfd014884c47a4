# f-strings with format specs
pi = 3.14159265
n = 1234567
name = "Ada"
print(f"{pi:.2f} {pi:.4f} {pi:10.3f}|")
print(f"[{name:>10}] [{name:<10}] [{name:^10}] [{name:*^9}]")
print(f"{n:,} {n:_} {n:,.2f}")
print(f"{42:05d} {7:03} {-5:04d} {3.5:06.2f}")
print(f"{name!r} {name!s} {[1, 'a']!r}")
x = 10
print(f"{x=} {x * 2=} {name=}")
print(f"{255:x} {255:X} {255:o} {5:b} {255:#x} {5:08b}")
print(f"{0.256:.1%} {1234.5:e} {1e-7:g} {123456789.0:g}")
print(f"{'nested ' + name.upper()}")
width, prec = 12, 3
print(f"[{pi:{width}.{prec}f}]")
print(f"{{literal braces}} {x:+d} {-x:+d}")
print(f"{True} {None} {3 > 2}")
items = {"a": 1}
print(f"{items['a']} {len(items)} {'yes' if items else 'no'}")
