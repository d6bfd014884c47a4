# Word frequency counting with a dict
text = """the quick brown fox jumps over the lazy dog
the dog barks and the fox runs"""
counts = {}
for word in text.split():
    counts[word] = counts.get(word, 0) + 1
top = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
for word, n in top[:5]:
    print(f"{word:<6}{n:>3} {'#' * n}")
print("unique words:", len(counts))
print("longest:", max(counts, key=lambda w: (len(w), w)))
letters = {}
for ch in text:
    if ch.isalpha():
        letters[ch] = letters.get(ch, 0) + 1
print(sorted(letters.items())[:5])
lines = text.splitlines()
print([len(line.split()) for line in lines])
