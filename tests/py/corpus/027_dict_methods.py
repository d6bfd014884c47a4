# dict methods
inventory = {"apples": 3, "pears": 0}
inventory["bananas"] = 12
print(inventory)
print(inventory.get("kiwis"), inventory.get("kiwis", 0), inventory["apples"])
print(list(inventory.keys()), list(inventory.values()))
print(list(inventory.items()))
inventory.update({"pears": 5, "plums": 1})
print(inventory)
print(inventory.pop("plums"), inventory.pop("nothing", "n/a"))
print(inventory.setdefault("kiwis", 7), inventory.setdefault("apples", 100))
print(inventory)
print("apples" in inventory, "grapes" not in inventory, len(inventory))
last = inventory.popitem()
print(last, inventory)
squares = {n: n * n for n in range(5)}
print(squares)
print(dict.fromkeys(["a", "b"], 0))
print(dict(a=1, b=2) | {"c": 3})
grouped = {}
for word in ["apple", "avocado", "banana", "blueberry", "cherry"]:
    grouped.setdefault(word[0], []).append(word)
print(grouped)
try:
    inventory["missing"]
except KeyError as e:
    print("KeyError", e)
print(sorted(squares.items(), key=lambda kv: -kv[1])[:2])
