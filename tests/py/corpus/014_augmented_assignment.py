# Augmented assignment operators
x = 10
x += 5; print(x)
x -= 3; print(x)
x *= 2; print(x)
x /= 4; print(x)
x //= 2; print(x)
x **= 3; print(x)
y = 17
y %= 5; print(y)
y <<= 3; print(y)
y >>= 1; print(y)
y &= 6; print(y)
y |= 9; print(y)
y ^= 5; print(y)
s = "ab"
s += "cd"; s *= 2
print(s)
lst = [1]
alias = lst
lst += [2, 3]
print(lst, alias, lst is alias)
t = (1,)
t2 = t
t += (2,)
print(t, t2, t is t2)
counts = {}
for w in "a b a c a b".split():
    counts[w] = counts.get(w, 0) + 1
print(counts)
