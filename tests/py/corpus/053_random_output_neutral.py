# random used in ways that do not change the output
import random

random.seed(1)
print(random.random() < 2)
deck = list(range(10))
random.shuffle(deck)
print(sorted(deck) == list(range(10)))
pick = random.choice(["a", "b", "c"])
print(pick in ("a", "b", "c"))
n = random.randint(1, 6)
print(1 <= n <= 6)
sample = random.sample(range(100), 5)
print(len(sample), len(set(sample)))
u = random.uniform(2.0, 3.0)
print(2.0 <= u <= 3.0)
rolls = [random.randint(1, 6) for _ in range(1000)]
print(min(rolls) >= 1 and max(rolls) <= 6, len(rolls))
