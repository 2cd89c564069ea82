# Deadlock: a consumer waits on an empty Queue; the producer was never started.
import asyncio


async def consumer(queue):
    while True:
        item = await queue.get()
        print("got", item)


async def main():
    queue = asyncio.Queue()
    worker = asyncio.create_task(consumer(queue))
    await worker


asyncio.run(main())
