# Integer arithmetic, big ints
print(sum(range(10**6)))
print(2 ** 100)
print(7 // 2, -7 // 2, 7 % 3, -7 % 3, divmod(17, 5), divmod(-17, 5))
print(10 / 4, 10 / 5, type(10 / 5).__name__)
print(abs(-42), pow(3, 4), pow(3, 4, 5))
n = 1
for i in range(1, 26):
    n *= i
print(n)
print(int("ff", 16), int("1010", 2), int(" 42 "), int(3.99), int(-3.99))
print(bin(10), oct(64), hex(255))
print(0b1010 + 0o17 + 0xff)
print(1_000_000 + 1)
print(max(3, 9, 2), min([4, 1, 8]))
print((12345).bit_length(), 17 & 5, 17 | 5, 17 ^ 5, ~5, 1 << 10)
print(True + True, isinstance(True, int))
big = 10 ** 30
print(big // 7, big % 7)
