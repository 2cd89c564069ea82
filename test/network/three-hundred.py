# 300 requests at once: TCPConnector's default limit (100) lets 100 on the wire, the rest wait.
import asyncio

import aiohttp


async def fetch(session, i):
    async with session.get(f"https://example.com/{i}") as response:
        return response.status


async def main():
    async with aiohttp.ClientSession() as session:
        statuses = await asyncio.gather(*(fetch(session, i) for i in range(300)))
    print(statuses.count(200))


asyncio.run(main())
