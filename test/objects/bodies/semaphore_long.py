# A line longer than the 32 tasks the trace lists by name, with tasks joining its back, releases
# waking the next ones (several at once), woken tasks leaving its front and waiters cancelled in
# the middle: the ways objects_semaphore.py reads a line from its last read.
async def worker(n, limit):
    for attempt in range(2):
        async with limit:
            await asyncio.sleep(0)
        await asyncio.sleep(0)


async def watch(limit, everyone):
    while not everyone.done():
        show_line("limit", limit)
        await asyncio.sleep(0)
    show_line("limit", limit)


async def main():
    limit = asyncio.Semaphore(3)
    tasks = [asyncio.create_task(worker(n, limit), name=f"w{n}") for n in range(45)]
    everyone = asyncio.gather(*tasks, return_exceptions=True)
    watcher = asyncio.create_task(watch(limit, everyone), name="watch")
    await asyncio.sleep(0)
    tasks[20].cancel()
    tasks[40].cancel()
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    for _ in range(4):
        limit.release()        # four more permits: four waiters woken in one step
    await asyncio.sleep(0)
    tasks[30].cancel()
    await everyone
    await watcher
    print("cancelled", sum(t.cancelled() for t in tasks))


asyncio.run(main())
