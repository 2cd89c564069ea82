async def worker(name, lock):
    for _ in range(2):
        async with lock:
            print("acquired", name)
            await asyncio.sleep(0)


async def watch(lock, rounds):
    for _ in range(rounds):
        show("lock", lock)
        await asyncio.sleep(0)


async def main():
    lock = asyncio.Lock()
    watcher = asyncio.create_task(watch(lock, 12), name="watch")
    await asyncio.gather(*(asyncio.create_task(worker(f"w{n}", lock), name=f"w{n}") for n in range(3)))
    await watcher


asyncio.run(main())
