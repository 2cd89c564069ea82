# 常见坑：只 await 了一部分任务，其余任务在程序结束时被取消
import asyncio


async def download(name, seconds):
    await asyncio.sleep(seconds)
    print("downloaded", name)
    return name


async def main():
    fast = asyncio.create_task(download("small.txt", 0.2))
    slow = asyncio.create_task(download("big.iso", 3))  # expect: task-not-awaited
    print(await fast)
    print("slow is still running:", not slow.done())


asyncio.run(main())
