# list methods
nums = [3, 1, 4, 1, 5, 9, 2, 6]
nums.append(5)
nums.extend([3, 5])
nums.insert(0, 0)
print(nums)
print(nums.count(5), nums.index(4), len(nums))
print(nums.pop(), nums.pop(0), nums)
nums.remove(1)
print(nums)
nums.sort()
print(nums)
nums.sort(reverse=True)
print(nums)
nums.reverse()
print(nums)
copy = nums.copy()
copy.clear()
print(copy, len(nums))
words = ["pear", "Fig", "apple"]
words.sort(key=str.lower)
print(words)
try:
    [].pop()
except IndexError as e:
    print("IndexError:", e)
try:
    nums.remove(100)
except ValueError:
    print("ValueError: not in list")
print([1, 2] + [3], [0] * 4, 3 in nums, [1, [2]] == [1, [2]])
grid = [[0] * 3 for _ in range(2)]
grid[0][1] = 7
print(grid)
