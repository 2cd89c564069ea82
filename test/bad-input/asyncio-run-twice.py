# asyncio.run twice in a row is legal: each call makes and closes a new loop.
import asyncio


async def step(name):
    await asyncio.sleep(0.1)
    print(name, "finished in a fresh event loop")
    return name


first = asyncio.run(step("first"))
second = asyncio.run(step("second"))
print(first, second)
