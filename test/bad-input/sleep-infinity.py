# A timer at infinity: legal in CPython, and it never fires.
import asyncio


async def main():
    print("sleeping forever")
    await asyncio.sleep(float("inf"))


asyncio.run(main())
