# One C call that takes hours: no Python line runs while it works.
import asyncio


async def main():
    print("adding up")
    print(sum(range(10**13)))


asyncio.run(main())
