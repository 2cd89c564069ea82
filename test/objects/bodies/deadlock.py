async def transfer(name, first, second):
    async with first:
        await asyncio.sleep(0)
        async with second:
            print(name, "done")


async def watch(a, b, rounds):
    for _ in range(rounds):
        show("a", a)
        show("b", b)
        await asyncio.sleep(0)


async def main():
    a = asyncio.Lock()
    b = asyncio.Lock()
    watcher = asyncio.create_task(watch(a, b, 4), name="watch")
    await asyncio.gather(asyncio.create_task(transfer("t1", a, b), name="t1"),
                         asyncio.create_task(transfer("t2", b, a), name="t2"))


asyncio.run(main())
