# Two children of a TaskGroup fail in the same loop turn: an ExceptionGroup
# with both errors reaches the top level uncaught.
import asyncio


async def check(name, value):
    print(f"checking {name}")
    if value < 0:
        raise ValueError(f"{name} is negative")
    await asyncio.sleep(1)


async def main():
    async with asyncio.TaskGroup() as tg:
        tg.create_task(check("a", -1))
        tg.create_task(check("b", -2))
        tg.create_task(check("c", 3))


asyncio.run(main())
