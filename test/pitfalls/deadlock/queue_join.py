# 常见坑：消费者忘了调用 task_done()，queue.join() 永远不会返回
import asyncio


async def consumer(queue):
    while True:
        item = await queue.get()
        print("consumed", item)


async def main():
    queue = asyncio.Queue()
    asyncio.create_task(consumer(queue))
    for i in range(3):
        await queue.put(i)
    await queue.join()  # expect: deadlock
    print("all done")


asyncio.run(main())
