async def precious():
    for _ in range(5):
        await asyncio.sleep(0)
    return "kept"


async def impatient(guard):
    try:
        await guard
    except asyncio.CancelledError:
        print("impatient was cancelled")
        raise


async def watch(objects, rounds):
    for _ in range(rounds):
        for name, obj in objects:
            show(name, obj)
        await asyncio.sleep(0)


async def main():
    objects = []
    watcher = asyncio.create_task(watch(objects, 8), name="watch")
    inner = asyncio.create_task(precious(), name="precious")
    guard = asyncio.shield(inner)
    objects.append(("guard", guard))
    outer = asyncio.create_task(impatient(guard), name="impatient")
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    outer.cancel()
    await asyncio.sleep(0)
    print("inner still", inner._state)
    print("inner gave", await inner)
    await watcher


asyncio.run(main())
