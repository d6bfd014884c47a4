# Recursive permutations, subsets and n-queens
def permutations(items):
    if len(items) <= 1:
        return [items[:]]
    result = []
    for i, x in enumerate(items):
        for rest in permutations(items[:i] + items[i + 1:]):
            result.append([x] + rest)
    return result

def subsets(items):
    if not items:
        return [[]]
    without = subsets(items[1:])
    return without + [[items[0]] + s for s in without]

def queens(n, row=0, cols=()):
    if row == n:
        return 1
    count = 0
    for c in range(n):
        if all(c != cc and abs(c - cc) != row - r for r, cc in enumerate(cols)):
            count += queens(n, row + 1, cols + (c,))
    return count

print(permutations([1, 2, 3]))
print(len(permutations(list("abcde"))))
print(subsets(["x", "y", "z"]))
print([queens(n) for n in range(1, 8)])
