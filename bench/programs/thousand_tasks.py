# 1,000 tasks: each sleeps a little, hands a value through a shared queue, and returns.
import asyncio


async def worker(n, queue):
    await asyncio.sleep(n % 10 * 0.01)
    await queue.put(n * n)
    return n


async def main():
    queue = asyncio.Queue()
    tasks = [asyncio.create_task(worker(n, queue)) for n in range(1000)]
    results = await asyncio.gather(*tasks)
    total = 0
    while not queue.empty():
        total += queue.get_nowait()
    print(len(results), total)


asyncio.run(main())
