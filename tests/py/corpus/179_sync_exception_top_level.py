# expect-outcome: exception
# A plain exception at module level, after some output
def average(values):
    return sum(values) / len(values)

print(average([1, 2, 3]))
print(average([10]))
data = {"a": [1, 2], "b": []}
for key in sorted(data):
    print(key, average(data[key]))
