# map, filter, iter and next
nums = [1, 2, 3, 4, 5, 6]
doubled = map(lambda x: x * 2, nums)
print(type(doubled).__name__, list(doubled), list(doubled))
print(list(map(pow, [2, 3], [3, 2])))
print(list(filter(lambda x: x % 2, nums)))
print(list(map(str.upper, ["a", "b"])))
it = iter(nums)
print(next(it), next(it))
for x in it:
    if x == 4:
        break
print(list(it))
empty = iter([])
try:
    next(empty)
except StopIteration:
    print("StopIteration")
print(next(empty, "fallback"))
chunks = iter(range(7))
print([list(z) for z in zip(chunks, chunks)])
class Countdown:
    def __init__(self, start):
        self.n = start
    def __iter__(self):
        return self
    def __next__(self):
        if self.n <= 0:
            raise StopIteration
        self.n -= 1
        return self.n + 1
print(list(Countdown(4)), sum(Countdown(10)))
