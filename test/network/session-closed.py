# A session used after it was closed.
import asyncio

import aiohttp


async def main():
    session = aiohttp.ClientSession()
    async with session.get("https://example.com/") as response:
        print(response.status, session.closed)
    await session.close()
    print(session.closed)
    await session.get("https://example.com/")


asyncio.run(main())
