# __eq__ and __hash__ make objects usable in sets and as dict keys; __lt__ for sorting
class Card:
    RANKS = "23456789TJQKA"
    def __init__(self, rank, suit):
        self.rank, self.suit = rank, suit
    def __repr__(self):
        return f"{self.rank}{self.suit}"
    def __eq__(self, other):
        return (self.rank, self.suit) == (other.rank, other.suit)
    def __hash__(self):
        return hash((self.rank, self.suit))
    def __lt__(self, other):
        return (Card.RANKS.index(self.rank), self.suit) < (Card.RANKS.index(other.rank), other.suit)

hand = [Card("K", "h"), Card("2", "s"), Card("A", "d"), Card("K", "h"), Card("T", "c")]
print(hand)
print(sorted(hand))
unique = set(hand)
print(len(unique), sorted(unique))
counts = {}
for c in hand:
    counts[c] = counts.get(c, 0) + 1
print({repr(k): v for k, v in sorted(counts.items())})
print(Card("K", "h") in unique, Card("Q", "h") in unique)
print(max(hand), min(hand))
