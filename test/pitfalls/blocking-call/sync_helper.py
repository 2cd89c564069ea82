# 常见坑：阻塞调用藏在普通函数里，协程调用它时同样会卡住事件循环
import asyncio
import time


def read_sensor():
    time.sleep(0.5)  # expect: blocking-call
    return 42


async def poll_sensor():
    for _ in range(2):
        value = read_sensor()
        print("sensor:", value)
        await asyncio.sleep(1)


async def blink():
    for i in range(5):
        print("blink", i)
        await asyncio.sleep(0.3)


async def main():
    await asyncio.gather(poll_sensor(), blink())


asyncio.run(main())
