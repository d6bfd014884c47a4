# Processing nested records: grouping, aggregating, formatting a report
orders = [
    {"id": 1, "customer": "ann", "items": [("pen", 2, 1.5), ("pad", 1, 4.0)]},
    {"id": 2, "customer": "bob", "items": [("mug", 1, 6.0)]},
    {"id": 3, "customer": "ann", "items": [("ink", 3, 2.25)]},
]
def order_total(order):
    return sum(qty * price for _, qty, price in order["items"])

by_customer = {}
for o in orders:
    by_customer.setdefault(o["customer"], []).append(order_total(o))
print(by_customer)
for customer, totals in sorted(by_customer.items()):
    print(f"{customer:<5} orders={len(totals)} total={sum(totals):>6.2f} avg={sum(totals)/len(totals):.2f}")
all_items = sorted({name for o in orders for name, _, _ in o["items"]})
print(all_items)
biggest = max(orders, key=order_total)
print("biggest order:", biggest["id"], order_total(biggest))
print([(o["id"], len(o["items"])) for o in orders if order_total(o) > 5])
