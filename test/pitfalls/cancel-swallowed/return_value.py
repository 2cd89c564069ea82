# 常见坑：取消后直接 return，调用方以为任务正常完成了
import asyncio


async def compute():
    try:
        await asyncio.sleep(5)  # expect: cancel-swallowed
        return "full result"
    except asyncio.CancelledError:
        return "partial result"


async def main():
    task = asyncio.create_task(compute())
    await asyncio.sleep(1)
    task.cancel()
    print("got:", await task)
    print("cancelled?", task.cancelled())


asyncio.run(main())
