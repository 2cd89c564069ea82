# TaskGroup 中一个子任务失败：其余子任务被取消，错误以 ExceptionGroup 抛出
import asyncio


async def upload(part, seconds, broken=False):
    print(f"part {part}: uploading")
    try:
        await asyncio.sleep(seconds)
    except asyncio.CancelledError:
        print(f"part {part}: cancelled because a sibling failed")
        raise
    if broken:
        raise ValueError(f"part {part} is corrupt")
    print(f"part {part}: uploaded")


async def main():
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(upload(1, 0.5))
            tg.create_task(upload(2, 1.0, broken=True))
            tg.create_task(upload(3, 2.0))  # still running when part 2 fails
    except* ValueError as group:
        # except* picks the ValueErrors out of the ExceptionGroup the TaskGroup raised.
        print("the group raised:", repr(group.message))
        for exc in group.exceptions:
            print("  failed:", exc)
    print("main carries on")


asyncio.run(main())
