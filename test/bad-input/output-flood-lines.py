# About 10 MB of output, 1,000 characters per line.
import asyncio


async def main():
    for i in range(10_000):
        print(f"{i:5} " + "x" * 994)
    await asyncio.sleep(0)


asyncio.run(main())
