# A host under .invalid (RFC 2606) never resolves: each library says so in its own words.
import asyncio

import aiohttp
import httpx
import requests

URL = "https://shop.invalid/cart"


async def main():
    async with aiohttp.ClientSession() as session:
        try:
            await session.get(URL)
        except aiohttp.ClientConnectorError as error:
            print("aiohttp", type(error).__name__, error)
    async with httpx.AsyncClient() as client:
        try:
            await client.get(URL)
        except httpx.ConnectError as error:
            print("httpx", type(error).__name__, error)
    try:
        requests.get(URL)
    except requests.ConnectionError as error:
        print("requests", type(error).__name__, error)


asyncio.run(main())
