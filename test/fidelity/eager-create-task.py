# Eager tasks made by asyncio.create_task only: test/engine/eagerTasks.test.ts also runs this
# program with create_task(..., eager_start=True) (Python 3.14) instead of the factory, and
# expects the same output.
import asyncio


async def at_once(n):
    print("at once", n)
    return n


async def later(n):
    print("later", n, "starts")
    await asyncio.sleep(n)
    print("later", n, "ends")
    return n


async def main():
    loop = asyncio.get_running_loop()
    loop.set_task_factory(asyncio.eager_task_factory)
    first = asyncio.create_task(at_once(1))
    print("first is done:", first.done())
    second = asyncio.create_task(later(1))
    third = asyncio.create_task(later(2))
    print("created three")
    print(await second, await third, first.result())


asyncio.run(main())
