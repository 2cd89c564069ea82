async def waiter(name, fut):
    print(name, "got", await fut)


async def setter(fut, value):
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    fut.set_result(value)


async def failer(fut):
    await asyncio.sleep(0)
    fut.set_exception(ValueError("no answer"))


def on_done(fut):
    print("on_done saw", fut._state)


async def watch(objects, rounds):
    for _ in range(rounds):
        for name, obj in objects:
            show(name, obj)
        await asyncio.sleep(0)


async def main():
    loop = asyncio.get_running_loop()
    answer = loop.create_future()
    answer.add_done_callback(on_done)
    plain = asyncio.Future()
    objects = [("answer", answer)]
    watcher = asyncio.create_task(watch(objects, 12), name="watch")
    waiters = [asyncio.create_task(waiter(f"w{n}", answer), name=f"w{n}") for n in range(2)]
    await asyncio.create_task(setter(answer, 42), name="setter")
    asyncio.create_task(failer(plain), name="failer")
    try:
        await plain
    except ValueError as e:
        print("plain raised", e)
    objects.append(("plain", plain))
    await asyncio.gather(*waiters)
    doomed = loop.create_future()
    objects.append(("doomed", doomed))
    loop.call_soon(doomed.cancel)
    try:
        await doomed
    except asyncio.CancelledError:
        print("doomed was cancelled")
    await watcher


asyncio.run(main())
