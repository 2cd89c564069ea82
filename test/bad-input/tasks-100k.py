# 100,000 tasks at once.
import asyncio


async def work(i):
    await asyncio.sleep(1)
    return i


async def main():
    results = await asyncio.gather(*(work(i) for i in range(100_000)))
    print(len(results), "results")


asyncio.run(main())
