# Matrices as nested lists
def mat_mul(a, b):
    return [[sum(a[i][k] * b[k][j] for k in range(len(b)))
             for j in range(len(b[0]))] for i in range(len(a))]

def transpose(m):
    return [list(row) for row in zip(*m)]

def show(m):
    for row in m:
        print(" ".join(f"{x:4}" for x in row))

a = [[1, 2], [3, 4], [5, 6]]
b = [[7, 8, 9], [10, 11, 12]]
show(mat_mul(a, b))
print(transpose(a))
identity = [[int(i == j) for j in range(3)] for i in range(3)]
show(identity)
print(mat_mul(identity, [[1], [2], [3]]))
diag = sum(identity[i][i] for i in range(3))
print("trace", diag)
