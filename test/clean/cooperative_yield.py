# 正确写法：长计算中偶尔 sleep(0) 让出控制权，并汇报进度
import asyncio


async def crunch():
    total = 0
    for i in range(1, 6):
        total += sum(range(i * 1000))
        print("chunk", i, "done")
        await asyncio.sleep(0)
    return total


async def heartbeat():
    for _ in range(3):
        print("heartbeat")
        await asyncio.sleep(0)


async def main():
    total, _ = await asyncio.gather(crunch(), heartbeat())
    print("total:", total)


asyncio.run(main())
