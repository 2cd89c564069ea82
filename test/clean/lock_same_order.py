# 正确写法：所有任务按相同顺序获取两把锁，就不会死锁
import asyncio


async def transfer(name, first, second):
    async with first:
        await asyncio.sleep(0.1)
        async with second:
            print(name, "got both locks")


async def main():
    a = asyncio.Lock()
    b = asyncio.Lock()
    await asyncio.gather(transfer("alice", a, b), transfer("bob", a, b))


asyncio.run(main())
