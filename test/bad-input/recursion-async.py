# Runaway recursion through awaits: each coroutine awaits a new one.
import asyncio


async def walk(depth):
    return await walk(depth + 1)


async def main():
    print("walking down")
    await walk(0)


asyncio.run(main())
