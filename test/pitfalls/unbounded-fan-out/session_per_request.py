# 常见坑：一次性发出 500 个请求，没有任何并发限制（每个请求都新建一个 session）
import asyncio

import aiohttp


async def fetch(n):
    async with aiohttp.ClientSession() as session:
        async with session.get(f"https://api.example.com/items/{n}") as resp:  # expect: unbounded-fan-out
            return resp.status


async def main():
    statuses = await asyncio.gather(*(fetch(n) for n in range(500)))
    print("ok:", statuses.count(200))


asyncio.run(main())
