# create_task：多个任务同时等待，谁先睡醒谁先打印
import asyncio
import time

START = time.perf_counter()


def stamp():
    return f"{time.perf_counter() - START:.1f}s"


async def brew(drink, seconds):
    print(stamp(), f"start {drink}")
    await asyncio.sleep(seconds)
    print(stamp(), f"{drink} ready")
    return drink


async def main():
    # create_task schedules each coroutine at once, but none of them runs
    # until main gives the loop control with an await.
    tea = asyncio.create_task(brew("tea", 3))
    coffee = asyncio.create_task(brew("coffee", 1))
    soup = asyncio.create_task(brew("soup", 2))
    print(stamp(), "three orders placed; nothing has started yet")

    # While main waits for tea, all three tasks sleep at the same time.
    # They finish in order of their delays, not in the order they were created.
    for task in (tea, coffee, soup):
        result = await task
        print(stamp(), f"served {result}")
    print(stamp(), "all served after 3 seconds, not 3 + 1 + 2 = 6")


asyncio.run(main())
