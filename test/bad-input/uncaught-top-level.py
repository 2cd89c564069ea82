# An exception at top level, before any event loop exists.
import asyncio

print("converting the input")
count = int("twelve")
asyncio.run(asyncio.sleep(1))
