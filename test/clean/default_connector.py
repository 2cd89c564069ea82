# 正确写法：共用一个 ClientSession，默认的 TCPConnector 最多 100 个连接
import asyncio

import aiohttp


async def fetch(session, n):
    async with session.get(f"https://shop.example.com/p/{n}") as resp:
        return resp.status


async def main():
    async with aiohttp.ClientSession() as session:
        statuses = await asyncio.gather(*(fetch(session, n) for n in range(300)))
    print(len(statuses), "responses")


asyncio.run(main())
