# The async HTTP client from the tutorials: not installed.
import asyncio

import aiohttp


async def main():
    async with aiohttp.ClientSession() as session:
        async with session.get("https://example.com") as response:
            print(response.status)


asyncio.run(main())
