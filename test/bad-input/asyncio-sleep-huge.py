# A timer 30 years away.
import asyncio


async def main():
    print("sleeping")
    await asyncio.sleep(10**9)
    print("never printed")


asyncio.run(main())
