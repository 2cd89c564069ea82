# 100,000 simulated requests at once: TCPConnector's default limit (100) keeps all but 100
# queued for a connection; the run must end at a limit, not hang, and send nothing real.
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
