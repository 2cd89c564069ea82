# loop.call_soon(task.cancel): the cancel comes from a callback, not from a task.
import asyncio


async def sleeper():
    try:
        await asyncio.sleep(5)
    except asyncio.CancelledError:
        print("cancelled by a callback")
        raise


async def main():
    loop = asyncio.get_running_loop()
    task = asyncio.create_task(sleeper())
    await asyncio.sleep(0)
    loop.call_soon(task.cancel)
    try:
        await task
    except asyncio.CancelledError:
        print("main saw it:", task.cancelled())


asyncio.run(main())
