# A ClientSession never closed: aiohttp says "Unclosed client session" when it is collected,
# through the loop's exception handler, naming the session by its address.
import asyncio

import aiohttp


async def fetch(url):
    session = aiohttp.ClientSession()
    response = await session.get(url)
    print(response.status, session)
    # never closed: the session is collected when fetch returns


async def main():
    await fetch("https://example.com/a")
    print("between")
    async with aiohttp.ClientSession() as session:
        await session.get("https://example.com/b")
    await fetch("https://example.com/c")
    print("end")


asyncio.run(main())
