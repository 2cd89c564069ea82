# The async HTTP client from the tutorials: simulated, on the virtual clock, with no network.
import asyncio

import aiohttp


async def main():
    async with aiohttp.ClientSession() as session:
        async with session.get("https://example.com") as response:
            print(response.status)


asyncio.run(main())
