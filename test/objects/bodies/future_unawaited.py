# Plain futures the program makes with asyncio.Future() and does not await where it made them:
# one only set and called back, one handed to a task that awaits it later, one kept in a list.
def on_done(fut):
    print("on_done saw", fut.result())


def on_failed(fut):
    print("on_failed saw", repr(fut.exception()))


async def consumer(fut):
    print("consumer got", await fut)


async def watch(objects, rounds):
    for _ in range(rounds):
        for name, obj in objects:
            if name == "signal" or name == "failed":
                show_callbacks(name, obj)
            else:
                show(name, obj)
        await asyncio.sleep(0)


async def main():
    objects = []
    watcher = asyncio.create_task(watch(objects, 10), name="watch")
    signal = asyncio.Future()
    objects.append(("signal", signal))
    signal.add_done_callback(on_done)
    await asyncio.sleep(0)
    signal.set_result("ready")
    handoff = asyncio.Future()
    objects.append(("handoff", handoff))
    await asyncio.sleep(0)
    asyncio.create_task(consumer(handoff), name="consumer")
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    handoff.set_result(7)
    pending = [asyncio.Future() for _ in range(2)]
    failed = pending[1]
    objects.append(("failed", failed))
    failed.add_done_callback(on_failed)
    await asyncio.sleep(0)
    failed.set_exception(ValueError("no luck"))
    pending[0].cancel()
    await watcher


asyncio.run(main())
