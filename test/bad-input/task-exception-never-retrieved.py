# A task raises but nobody awaits it: the program ends normally, and asyncio
# reports "Task exception was never retrieved" on stderr.
import asyncio


async def flaky():
    await asyncio.sleep(0.1)
    raise ValueError("lost in the background")


async def main():
    task = asyncio.create_task(flaky())
    await asyncio.sleep(0.5)
    print("main done, task.done() =", task.done())


asyncio.run(main())
