import gc


def active_timeouts():
    """The timeouts guarding the current task (wait_for's has no name the program can reach)."""
    me = asyncio.current_task()
    return [o for o in gc.get_objects() if isinstance(o, asyncio.Timeout) and o._task is me
            and o._state.value in ("active", "expiring")]


async def slow(seconds):
    for timeout in active_timeouts():
        show("timeout#2", timeout)
    await asyncio.sleep(seconds)
    return seconds


async def watch(objects, rounds):
    await asyncio.sleep(0.05)          # between main's deadlines: no two timers due at once
    for _ in range(rounds):
        for name, obj in objects:
            show(name, obj)
        await asyncio.sleep(0.1)


async def main():
    start_clock()
    objects = []
    watcher = asyncio.create_task(watch(objects, 14), name="watch")
    try:
        async with asyncio.timeout(0.3) as limit:
            objects.append(("limit", limit))
            await asyncio.sleep(0.12)
            limit.reschedule(limit.when() + 0.2)
            await asyncio.sleep(1)
    except TimeoutError:
        print("limit expired")
    try:
        print(await asyncio.wait_for(slow(0.5), 0.2))
    except TimeoutError:
        print("wait_for expired")
    async with asyncio.timeout(None) as unlimited:
        objects.append(("unlimited", unlimited))
        await asyncio.sleep(0.2)
    print("left unlimited")
    await watcher


asyncio.run(main())
