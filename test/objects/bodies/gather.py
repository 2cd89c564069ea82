async def work(n):
    for _ in range(n):
        await asyncio.sleep(0)
    if n == 2:
        raise ValueError("two")
    return n * 10


async def watch(objects, rounds):
    for _ in range(rounds):
        for name, obj in objects:
            show(name, obj)
        await asyncio.sleep(0)


async def main():
    objects = []
    watcher = asyncio.create_task(watch(objects, 12), name="watch")
    kids = [asyncio.create_task(work(n), name=f"k{n}") for n in (1, 3, 2)]
    everyone = asyncio.gather(*kids, return_exceptions=True)
    objects.append(("everyone", everyone))
    print("results", await everyone)
    strict = asyncio.gather(work(1), work(2), work(4))
    objects.append(("strict", strict))
    try:
        await strict
    except ValueError as e:
        print("strict raised", e)
    await watcher


asyncio.run(main())
