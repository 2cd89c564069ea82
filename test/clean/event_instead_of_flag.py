# 正确写法：用 Event 代替轮询标志，等待者只被唤醒一次
import asyncio


async def loader(ready):
    await asyncio.sleep(0.5)
    ready.set()


async def waiter(ready):
    await ready.wait()
    print("data is ready")


async def main():
    ready = asyncio.Event()
    await asyncio.gather(loader(ready), waiter(ready))


asyncio.run(main())
