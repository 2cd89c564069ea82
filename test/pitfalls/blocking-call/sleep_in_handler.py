# 常见坑：在协程里用 time.sleep 模拟耗时操作，整个事件循环都停住了
import asyncio
import time


async def ticker():
    for i in range(3):
        print("tick", i)
        await asyncio.sleep(0.2)


async def slow_handler():
    await asyncio.sleep(0.1)
    print("handler: 开始处理")
    time.sleep(1)  # expect: blocking-call
    print("handler: 处理完毕")


async def main():
    await asyncio.gather(ticker(), slow_handler())


asyncio.run(main())
