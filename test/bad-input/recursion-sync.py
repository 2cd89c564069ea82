# Runaway recursion: a function that calls itself with no base case.
import asyncio


def countdown(n):
    return countdown(n - 1)


async def main():
    print("counting down")
    countdown(10)


asyncio.run(main())
