async def producer(queue):
    for item in range(5):
        await queue.put(item)
        print("put", item)
    await queue.join()
    print("joined")


async def consumer(name, queue):
    while True:
        item = await queue.get()
        print(name, "got", item)
        await asyncio.sleep(0)
        queue.task_done()


async def watch(queue, rounds):
    for _ in range(rounds):
        show("queue", queue)
        await asyncio.sleep(0)


async def main():
    queue = asyncio.Queue(2)
    watcher = asyncio.create_task(watch(queue, 16), name="watch")
    consumers = [asyncio.create_task(consumer(f"c{n}", queue), name=f"c{n}") for n in range(2)]
    await asyncio.sleep(0)
    await asyncio.create_task(producer(queue), name="producer")
    for c in consumers:
        c.cancel()
    await watcher


asyncio.run(main())
