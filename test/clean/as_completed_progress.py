# 正确写法：as_completed 先完成先处理，并打印进度
import asyncio


async def job(n):
    await asyncio.sleep(0.1 * (5 - n))
    return n


async def main():
    for next_done in asyncio.as_completed([job(n) for n in range(5)]):
        print("finished job", await next_done)


asyncio.run(main())
