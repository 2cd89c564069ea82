async def runner(name, barrier):
    await asyncio.sleep(0)
    index = await barrier.wait()
    print(name, "passed")


async def watch(barrier, rounds):
    for _ in range(rounds):
        show("barrier", barrier)
        await asyncio.sleep(0)


async def main():
    barrier = asyncio.Barrier(3)
    watcher = asyncio.create_task(watch(barrier, 8), name="watch")
    await asyncio.gather(*(asyncio.create_task(runner(f"r{n}", barrier), name=f"r{n}") for n in range(3)))
    await watcher


asyncio.run(main())
