# asyncio.run inside a coroutine: a loop is already running, so this is a RuntimeError.
import asyncio


async def inner():
    await asyncio.sleep(0.1)


async def main():
    print("main is running")
    asyncio.run(inner())


asyncio.run(main())
