# 正确写法：消费者每处理完一项就 task_done()，join() 才会返回
import asyncio


async def consumer(queue):
    while True:
        item = await queue.get()
        print("consumed", item)
        queue.task_done()


async def main():
    queue = asyncio.Queue()
    worker = asyncio.create_task(consumer(queue))
    for i in range(3):
        await queue.put(i)
    await queue.join()
    worker.cancel()
    try:
        await worker
    except asyncio.CancelledError:
        pass
    print("all done")


asyncio.run(main())
