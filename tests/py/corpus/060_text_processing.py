# Text processing: caesar cipher, palindromes, acronyms
def caesar(text, shift):
    out = []
    for ch in text:
        if ch.isalpha():
            base = ord("A") if ch.isupper() else ord("a")
            out.append(chr((ord(ch) - base + shift) % 26 + base))
        else:
            out.append(ch)
    return "".join(out)

secret = caesar("Hello, World!", 3)
print(secret, "->", caesar(secret, -3))

def is_palindrome(s):
    cleaned = [c.lower() for c in s if c.isalnum()]
    return cleaned == cleaned[::-1]

for phrase in ["A man, a plan, a canal: Panama", "hello", "Was it a car or a cat I saw?"]:
    print(f"{phrase!r}: {is_palindrome(phrase)}")
print("".join(w[0].upper() for w in "portable network graphics".split()))
vowels = sum(1 for c in "programming language" if c in "aeiou")
print("vowels:", vowels)
print(" ".join(w[::-1] for w in "reverse each word".split()))
