# 100,000 requests at once: TCPConnector's default limit (100) queues them.
import asyncio

import aiohttp


async def fetch(session, i):
    async with session.get(f"https://example.com/{i}") as response:
        return response.status


async def main():
    async with aiohttp.ClientSession() as session:
        statuses = await asyncio.gather(*(fetch(session, i) for i in range(100_000)))
    print(len(statuses))


asyncio.run(main())
