# 正确写法：捕获 CancelledError 做完清理后重新抛出
import asyncio


async def uploader():
    try:
        while True:
            await asyncio.sleep(0.5)
            print("uploaded a part")
    except asyncio.CancelledError:
        print("uploader: cleaning up")
        raise


async def main():
    task = asyncio.create_task(uploader())
    await asyncio.sleep(1.2)
    task.cancel()
    try:
        await task
    except asyncio.CancelledError:
        print("cancelled:", task.cancelled())


asyncio.run(main())
