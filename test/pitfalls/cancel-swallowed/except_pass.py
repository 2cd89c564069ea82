# 常见坑：捕获 CancelledError 后不再抛出，cancel() 形同虚设
import asyncio


async def uploader():
    for part in range(1, 6):
        try:
            await asyncio.sleep(0.5)  # expect: cancel-swallowed
        except asyncio.CancelledError:
            print("uploader: 收到取消，但继续上传")
        print("uploaded part", part)


async def main():
    task = asyncio.create_task(uploader())
    await asyncio.sleep(0.7)
    task.cancel()
    await task
    print("main: the task was never cancelled:", task.cancelled())


asyncio.run(main())
