# An endless loop at top level, without any event loop.
print("spinning at top level")
while True: pass
