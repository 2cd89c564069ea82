# 常见坑：两个任务以相反的顺序获取两把锁，互相等待对方释放
import asyncio


async def transfer(name, first, second):
    async with first:
        print(name, "got the first lock")
        await asyncio.sleep(0.1)
        async with second:  # expect: deadlock
            print(name, "got both locks")


async def main():
    a = asyncio.Lock()
    b = asyncio.Lock()
    await asyncio.gather(transfer("alice", a, b), transfer("bob", b, a))


asyncio.run(main())
