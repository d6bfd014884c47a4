# Indexing and slicing
letters = list("abcdefghij")
print(letters[0], letters[-1], letters[3])
print(letters[2:5], letters[:3], letters[7:], letters[-3:])
print(letters[::2], letters[1::3], letters[::-1], letters[8:2:-2])
print(letters[100:], letters[-100:2])
s = "Hello, World"
print(s[7:], s[:-7], s[::-1], s[-5:-1])
nums = list(range(10))
nums[2:4] = ["x", "y", "z"]
print(nums)
nums[::3] = [0, 0, 0, 0]
print(nums)
nums[1:3] = []
print(nums)
t = (10, 20, 30, 40)
print(t[1:-1], t[::-1])
try:
    letters[20]
except IndexError as e:
    print("IndexError:", e)
matrix = [[1, 2, 3], [4, 5, 6], [7, 8, 9]]
print(matrix[1][2], [row[0] for row in matrix], matrix[-1][::-1])
print("python"[1:4], "python"[slice(0, 6, 2)])
