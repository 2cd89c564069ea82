async def download(n, limit):
    async with limit:
        print("acquired", f"d{n}")
        await asyncio.sleep(0)
        await asyncio.sleep(0)


async def watch(limit, rounds):
    for _ in range(rounds):
        show("limit", limit)
        await asyncio.sleep(0)


async def main():
    limit = asyncio.Semaphore(2)
    watcher = asyncio.create_task(watch(limit, 14), name="watch")
    tasks = [asyncio.create_task(download(n, limit), name=f"d{n}") for n in range(5)]
    await asyncio.gather(*tasks)
    await watcher


asyncio.run(main())
