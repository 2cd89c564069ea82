# A list far too big for any computer's memory (80 GB on 64-bit CPython).
import asyncio


async def main():
    print("allocating")
    data = [0] * 10**10
    print(len(data))


asyncio.run(main())
