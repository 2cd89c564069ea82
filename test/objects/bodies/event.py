async def waiter(name, ready):
    await ready.wait()
    print(name, "saw it")


async def watch(ready, rounds):
    for _ in range(rounds):
        show("ready", ready)
        await asyncio.sleep(0)


async def main():
    ready = asyncio.Event()
    watcher = asyncio.create_task(watch(ready, 6), name="watch")
    waiters = [asyncio.create_task(waiter(f"e{n}", ready), name=f"e{n}") for n in range(3)]
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    ready.set()
    await asyncio.gather(*waiters)
    ready.clear()
    await watcher


asyncio.run(main())
