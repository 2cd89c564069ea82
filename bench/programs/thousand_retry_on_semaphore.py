# 1,000 tasks share one Semaphore(50) and retry with sleeps: every step wakes, queues or releases
# waiters of the same object, so its line changes at almost every step (issue 14's
# "semaphore-heavy" program: recording must cost at most 2x plain, objects included).
import asyncio


async def fetch(n, limit):
    for attempt in range(3):
        async with limit:
            await asyncio.sleep(0.01)
            ok = (n + attempt) % 3 == 2
        if ok:
            return attempt
        await asyncio.sleep(0.005 * (attempt + 1))   # back off, then stand in line again
    return -1


async def main():
    limit = asyncio.Semaphore(50)
    tasks = [asyncio.create_task(fetch(n, limit)) for n in range(1000)]
    results = await asyncio.gather(*tasks)
    print(len(results), sum(results), results.count(-1))


asyncio.run(main())
