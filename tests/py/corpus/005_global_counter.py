# The global statement
counter = 0
history = []

def bump():
    global counter
    counter += 1
    history.append(counter)

def reset():
    global counter
    counter = 0

for _ in range(3):
    bump()
print(counter, history)
reset()
bump()
print(counter, history)

def read_only():
    return counter * 10

print(read_only())

def shadow():
    counter = 99
    return counter

print(shadow(), counter)

def broken():
    try:
        counter += 1
    except UnboundLocalError:
        return "UnboundLocalError"

print(broken())
