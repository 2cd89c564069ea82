async def watch(prio, lifo, rounds):
    for _ in range(rounds):
        show("prio", prio)
        show("lifo", lifo)
        await asyncio.sleep(0)


async def main():
    prio = asyncio.PriorityQueue()
    lifo = asyncio.LifoQueue()
    watcher = asyncio.create_task(watch(prio, lifo, 6), name="watch")
    for n in (5, 1, 4, 2):
        prio.put_nowait(n)
        lifo.put_nowait(n)
        await asyncio.sleep(0)
    print(prio.get_nowait(), lifo.get_nowait())
    await watcher


asyncio.run(main())
