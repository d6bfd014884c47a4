# A basic class with __init__, methods and attributes
class BankAccount:
    def __init__(self, owner, balance=0):
        self.owner = owner
        self.balance = balance
        self.history = []

    def deposit(self, amount):
        if amount <= 0:
            raise ValueError("deposit must be positive")
        self.balance += amount
        self.history.append(("deposit", amount))
        return self.balance

    def withdraw(self, amount):
        if amount > self.balance:
            raise ValueError(f"insufficient funds: {self.balance} < {amount}")
        self.balance -= amount
        self.history.append(("withdraw", amount))
        return self.balance

acct = BankAccount("Ada", 100)
print(acct.owner, acct.balance)
print(acct.deposit(50))
print(acct.withdraw(30))
for bad in (lambda: acct.withdraw(1000), lambda: acct.deposit(-5)):
    try:
        bad()
    except ValueError as e:
        print("error:", e)
print(acct.history)
other = BankAccount("Bob")
print(other.balance, acct is other, isinstance(acct, BankAccount))
acct.nickname = "main"
print(acct.nickname, hasattr(other, "nickname"))
print(type(acct).__name__, BankAccount.deposit.__name__)
