# Inheritance, method overriding and super()
class Animal:
    def __init__(self, name, sound="..."):
        self.name = name
        self.sound = sound

    def speak(self):
        return f"{self.name} says {self.sound}"

    def describe(self):
        return f"{type(self).__name__}({self.name})"

class Dog(Animal):
    def __init__(self, name, tricks=()):
        super().__init__(name, "woof")
        self.tricks = list(tricks)

    def speak(self):
        base = super().speak()
        return base + "!" * len(self.tricks)

class Puppy(Dog):
    def speak(self):
        return super().speak().upper()

class Cat(Animal):
    def __init__(self, name):
        super().__init__(name, "meow")

for pet in [Animal("generic"), Dog("rex", ["sit", "roll"]), Puppy("bit", ["sit"]), Cat("tom")]:
    print(pet.describe(), "->", pet.speak())

print(issubclass(Puppy, Animal), isinstance(Cat("x"), Dog))
print([c.__name__ for c in Puppy.__mro__])
