# sorted / min / max with key= and reverse=
students = [
    {"name": "Ann", "grade": 88, "age": 20},
    {"name": "Bob", "grade": 95, "age": 22},
    {"name": "Cid", "grade": 88, "age": 19},
    {"name": "Dee", "grade": 72, "age": 21},
]
by_grade = sorted(students, key=lambda s: s["grade"], reverse=True)
print([s["name"] for s in by_grade])
stable = sorted(students, key=lambda s: s["grade"])
print([s["name"] for s in stable])
print([s["name"] for s in sorted(students, key=lambda s: (-s["grade"], s["age"]))])
best = max(students, key=lambda s: s["grade"])
youngest = min(students, key=lambda s: s["age"])
print(best["name"], youngest["name"])
print(sorted("banana"), sorted("Banana", key=str.lower))
print(sorted([3, -1, -4, 2], key=abs))
print(max([1, 5, 3], default=0), min((), default=None))
print(max("apple", "fig", "kiwi", key=len))
print(sorted({3: "c", 1: "a", 2: "b"}.items()))
print(sorted([[2, 1], [1, 2], [1, 1]]))
