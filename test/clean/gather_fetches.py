# 正确写法：互不依赖的请求用 gather 一起跑，总耗时约等于最慢的那个
import asyncio


async def fetch(name, seconds):
    await asyncio.sleep(seconds)
    return f"{name}: ok"


async def main():
    results = await asyncio.gather(fetch("users", 1), fetch("orders", 1), fetch("stock", 1))
    print(results)


asyncio.run(main())
