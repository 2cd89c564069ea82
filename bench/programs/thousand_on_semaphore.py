# 1,000 tasks wait in line for one Semaphore of 10 permits: the Objects view's worst case.
import asyncio


async def download(n, limit):
    async with limit:
        await asyncio.sleep(0.01)
    return n


async def main():
    limit = asyncio.Semaphore(10)
    results = await asyncio.gather(*(download(n, limit) for n in range(1000)))
    print(len(results), sum(results))


asyncio.run(main())
