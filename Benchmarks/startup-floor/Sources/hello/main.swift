// A Swift program that only prints: the runtime's own start-up, static as kg's.
print("hello")
