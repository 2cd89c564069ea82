# 常见坑：教程里的 "CPU 密集任务" 直接在协程里算，其他协程要等它算完才能继续
import asyncio


def cpu_bound(n):
    return sum(i * i for i in range(n))


async def ticker():
    for i in range(3):
        print("tick", i)
        await asyncio.sleep(0.5)


async def crunch():
    await asyncio.sleep(0.2)
    result = cpu_bound(560_000)  # expect: blocking-call
    print("sum of squares:", result)


async def main():
    await asyncio.gather(ticker(), crunch())


asyncio.run(main())
