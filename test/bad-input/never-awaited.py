# A coroutine called without await: it never runs; Python warns on stderr.
import asyncio


async def greet():
    print("never printed")


async def main():
    greet()
    await asyncio.sleep(0.1)
    print("main done")


asyncio.run(main())
