# One C call that takes hours: no Python line runs while it works. It is ended from outside, and
# what the program printed just before it must still show.
import asyncio


async def main():
    print("one")
    print("two")
    print("three")
    print(sum(range(10**13)))


asyncio.run(main())
