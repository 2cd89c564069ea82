async def work(n):
    for _ in range(n):
        await asyncio.sleep(0)
    if n == 3:
        raise ValueError("three")
    return n


async def watch(objects, rounds):
    for _ in range(rounds):
        for name, obj in objects:
            show(name, obj)
        await asyncio.sleep(0)


async def main():
    objects = []
    watcher = asyncio.create_task(watch(objects, 14), name="watch")
    async with asyncio.TaskGroup() as tg:
        objects.append(("tg", tg))
        tg.create_task(work(1), name="a1")
        tg.create_task(work(2), name="a2")
        await asyncio.sleep(0)
    print("first group done")
    try:
        async with asyncio.TaskGroup() as failing:
            objects.append(("failing", failing))
            failing.create_task(work(3), name="b3")
            failing.create_task(work(6), name="b6")
            failing.create_task(work(1), name="b1")
    except* ValueError as eg:
        print("failing raised", [str(e) for e in eg.exceptions])
    await watcher


asyncio.run(main())
