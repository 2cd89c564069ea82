# More children than the engine lists by name (32): how many are done must count all of them.
async def work(n):
    for _ in range(n % 5):
        await asyncio.sleep(0)
    return n


async def watch(objects, rounds):
    for _ in range(rounds):
        for name, obj, total in objects:
            show_done(name, obj, total)
        await asyncio.sleep(0)


async def main():
    objects = []
    watcher = asyncio.create_task(watch(objects, 16), name="watch")
    kids = [asyncio.create_task(work(n), name=f"k{n}") for n in range(50)]
    fifty = asyncio.gather(*kids)
    objects.append(("fifty", fifty, 50))
    print("sum", sum(await fifty))
    async with asyncio.TaskGroup() as group:
        objects.append(("group", group, 40))
        for n in range(40):
            group.create_task(work(n + 1), name=f"g{n}")
    print("group done")
    await watcher


asyncio.run(main())
