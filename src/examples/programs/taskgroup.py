# TaskGroup（3.11+）：结构化并发，离开 async with 时所有子任务都已完成
import asyncio


async def cook(dish, seconds):
    print(f"start {dish}")
    await asyncio.sleep(seconds)
    print(f"{dish} done")
    return dish


async def main():
    async with asyncio.TaskGroup() as tg:
        rice = tg.create_task(cook("rice", 2))
        soup = tg.create_task(cook("soup", 1.5))
        print("two tasks created; the block waits for all of them at its end")
        await asyncio.sleep(1)
        # A task can join the group at any time while the block is open.
        salad = tg.create_task(cook("salad", 0.5))
    # Once the block is left, every child has finished: results are ready.
    print("dinner:", rice.result(), soup.result(), salad.result())


asyncio.run(main())
