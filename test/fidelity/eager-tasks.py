# Eager tasks (Python 3.12+): with asyncio.eager_task_factory, a new task's first step runs at
# once, inside create_task, until its first real suspension; a task that never suspends is done
# before create_task returns.
import asyncio


async def quick(n):
    print(f"quick {n} runs inside create_task, as", asyncio.current_task().get_name())
    return n * 10


async def slow(n):
    print(f"slow {n} starts")
    await asyncio.sleep(n / 10)
    print(f"slow {n} ends")
    return n


async def polite():
    print("polite yields at once")
    await asyncio.sleep(0)
    print("polite is back")


async def stubborn():
    try:
        print("stubborn waits")
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        print("stubborn cancelled")
        raise


async def main():
    asyncio.get_running_loop().set_task_factory(asyncio.eager_task_factory)
    print("factory set:", asyncio.get_running_loop().get_task_factory() is asyncio.eager_task_factory)
    t = asyncio.create_task(quick(1))
    print("after create_task: done =", t.done(), "result =", t.result())
    s = asyncio.create_task(slow(2))
    print("after create_task: done =", s.done())
    p = asyncio.create_task(polite())
    print("main goes on")
    results = await asyncio.gather(slow(1), quick(2), slow(3))
    print("gather:", results)
    await s
    await p
    async with asyncio.TaskGroup() as tg:
        a = tg.create_task(quick(3))
        b = tg.create_task(slow(1))
        print("in the group: a done =", a.done(), "b done =", b.done())
    print("group:", a.result(), b.result())
    x = asyncio.create_task(stubborn())
    await asyncio.sleep(0.5)
    x.cancel()
    try:
        await x
    except asyncio.CancelledError:
        print("x cancelled:", x.cancelled())


asyncio.run(main())
