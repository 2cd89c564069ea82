# 正确写法：TaskGroup 里创建的任务，离开 async with 时都已完成
import asyncio


async def download(name, seconds):
    await asyncio.sleep(seconds)
    print("downloaded", name)


async def main():
    async with asyncio.TaskGroup() as tg:
        tg.create_task(download("small.txt", 0.2))
        tg.create_task(download("big.iso", 1))
    print("all downloads finished")


asyncio.run(main())
