# Error handling inside loops: continue, break and counters
raw = ["10", "x", "30", "", "5", "stop", "7"]
total = 0
errors = 0
for i, item in enumerate(raw):
    if item == "stop":
        print("stop marker at", i)
        break
    try:
        n = int(item)
    except ValueError:
        errors += 1
        print(f"skip {item!r}")
        continue
    finally:
        print("checked", i)
    total += n
print("total", total, "errors", errors)
attempts = 0
while True:
    attempts += 1
    try:
        if attempts < 3:
            raise ConnectionError(f"attempt {attempts} failed")
        print("connected after", attempts, "attempts")
        break
    except ConnectionError as e:
        print("retry:", e)
