# 正确写法：500 个请求，用 Semaphore 把并发限制在 20 个
import asyncio

import aiohttp

LIMIT = asyncio.Semaphore(20)


async def fetch(session, n):
    async with LIMIT:
        async with session.get(f"https://api.example.com/items/{n}") as resp:
            return resp.status


async def main():
    async with aiohttp.ClientSession() as session:
        statuses = await asyncio.gather(*(fetch(session, n) for n in range(500)))
    print("ok:", statuses.count(200))


asyncio.run(main())
