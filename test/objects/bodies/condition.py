async def consumer(name, cond, box):
    async with cond:
        await cond.wait_for(lambda: box)
        print(name, "took", box.pop())


async def watch(cond, rounds):
    for _ in range(rounds):
        show("cond", cond)
        await asyncio.sleep(0)


async def main():
    cond = asyncio.Condition()
    box = []
    watcher = asyncio.create_task(watch(cond, 12), name="watch")
    tasks = [asyncio.create_task(consumer(f"k{n}", cond, box), name=f"k{n}") for n in range(3)]
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    async with cond:
        box.extend([1, 2])
        cond.notify(2)
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    async with cond:
        box.append(3)
        cond.notify_all()
    await asyncio.gather(*tasks)
    await watcher


asyncio.run(main())
