# 正确写法：阻塞函数交给 asyncio.to_thread，事件循环照常运转
import asyncio
import time


def read_sensor():
    time.sleep(0.5)
    return 42


async def blink():
    for i in range(3):
        print("blink", i)
        await asyncio.sleep(0.2)


async def main():
    value, _ = await asyncio.gather(asyncio.to_thread(read_sensor), blink())
    print("sensor:", value)


asyncio.run(main())
