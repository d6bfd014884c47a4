# if / elif / else
def fizzbuzz(n):
    if n % 15 == 0:
        return "FizzBuzz"
    elif n % 3 == 0:
        return "Fizz"
    elif n % 5 == 0:
        return "Buzz"
    else:
        return str(n)

print(" ".join(fizzbuzz(i) for i in range(1, 21)))

def grade(score):
    if score >= 90:
        letter = "A"
    elif score >= 80:
        letter = "B"
    elif score >= 70:
        letter = "C"
    else:
        letter = "F"
    return letter

for s in (95, 85, 72, 10):
    print(s, grade(s))

x = 7
kind = "even" if x % 2 == 0 else "odd"
print(x, kind)
if not []:
    print("empty list is falsy")
if 0 < x < 10 and x != 5:
    print("chained comparison")
value = None
print(value or "default", 0 or "", [] and "never", 3 and 4)
