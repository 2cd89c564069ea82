# 常见坑：后台 worker 崩溃了，主程序却毫不知情
import asyncio


async def worker(queue):
    while True:
        item = await queue.get()
        print("processing", item)
        if item == "boom":
            raise RuntimeError("worker crashed on " + item)


async def main():
    queue = asyncio.Queue()
    asyncio.create_task(worker(queue))  # expect: exception-never-retrieved
    for item in ["a", "boom", "c"]:
        await queue.put(item)
        await asyncio.sleep(0.1)
    print("queue size left:", queue.qsize())


asyncio.run(main())
