# 常见坑：把 TCPConnector 的 limit 设成 0（不限制），200 个请求同时打到服务器
import asyncio

import aiohttp


async def fetch(session, n):
    async with session.get(f"https://shop.example.com/p/{n}") as resp:  # expect: unbounded-fan-out
        return resp.status


async def main():
    connector = aiohttp.TCPConnector(limit=0)
    async with aiohttp.ClientSession(connector=connector) as session:
        tasks = [asyncio.create_task(fetch(session, n)) for n in range(200)]
        statuses = await asyncio.gather(*tasks)
    print(len(statuses), "responses")


asyncio.run(main())
