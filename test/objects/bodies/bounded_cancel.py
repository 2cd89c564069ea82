# A woken waiter is cancelled before it runs: CPython hands its permit to the next one.
async def job(n, sem):
    try:
        async with sem:
            print("acquired", f"j{n}")
            await asyncio.sleep(0)
    except asyncio.CancelledError:
        print("cancelled", f"j{n}")


async def watch(sem, rounds):
    for _ in range(rounds):
        show("sem", sem)
        await asyncio.sleep(0)


async def main():
    sem = asyncio.BoundedSemaphore(1)
    watcher = asyncio.create_task(watch(sem, 10), name="watch")
    tasks = [asyncio.create_task(job(n, sem), name=f"j{n}") for n in range(4)]
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    tasks[2].cancel()
    await asyncio.gather(*tasks)
    await watcher


asyncio.run(main())
