# 10 MB of output in a single print call.
print("y" * 10_000_000)
