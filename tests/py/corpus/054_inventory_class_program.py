# A small object-oriented program: inventory with orders
class OutOfStock(Exception):
    pass

class Item:
    def __init__(self, name, price, qty):
        self.name, self.price, self.qty = name, price, qty
    def __repr__(self):
        return f"Item({self.name!r}, {self.price}, {self.qty})"

class Inventory:
    def __init__(self):
        self.items = {}
    def add(self, item):
        self.items[item.name] = item
    def order(self, name, qty):
        item = self.items[name]
        if item.qty < qty:
            raise OutOfStock(f"only {item.qty} {name} left")
        item.qty -= qty
        return item.price * qty
    def value(self):
        return sum(i.price * i.qty for i in self.items.values())

inv = Inventory()
for it in [Item("pen", 1.5, 10), Item("book", 12.0, 2), Item("mug", 6.25, 4)]:
    inv.add(it)
print(f"stock value: {inv.value():.2f}")
for name, qty in [("pen", 3), ("book", 5), ("mug", 4), ("lamp", 1)]:
    try:
        print(f"order {qty} {name}: {inv.order(name, qty):.2f}")
    except OutOfStock as e:
        print("out of stock:", e)
    except KeyError as e:
        print("unknown item:", e)
print(list(inv.items.values()))
print(f"stock value: {inv.value():.2f}")
