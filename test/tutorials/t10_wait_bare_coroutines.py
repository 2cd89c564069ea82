# Python 3.11 起 asyncio.wait 不再接受协程对象
import asyncio

async def job(n):
    await asyncio.sleep(n / 10)
    return n

async def main():
    done, _ = await asyncio.wait([job(1), job(2)])
    print(sorted(t.result() for t in done))

asyncio.run(main())
