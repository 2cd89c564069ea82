# A body read twice is read once and kept; read after the response is released, it is gone.
import asyncio

import aiohttp


async def main():
    async with aiohttp.ClientSession() as session:
        async with session.get("https://httpbin.org/uuid") as response:
            first = await response.json()
            second = await response.json()
            print(first == second)
        try:
            await response.text()
        except aiohttp.ClientConnectionError as error:
            print(type(error).__name__, error)


asyncio.run(main())
