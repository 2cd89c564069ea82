# 常见坑：用 task.done() 轮询任务是否结束，而不是直接 await 它
import asyncio


async def convert(video):
    await asyncio.sleep(1)
    return video + ".mp4"


async def main():
    task = asyncio.create_task(convert("cat"))
    while not task.done():
        await asyncio.sleep(0.01)  # expect: busy-polling
    print("converted:", task.result())


asyncio.run(main())
