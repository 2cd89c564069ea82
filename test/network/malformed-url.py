# Malformed URLs: each library's own error, before anything is sent.
import asyncio

import aiohttp
import httpx
import requests

BAD = ["not a url", "ftp://example.com/file", "http://", "http://example.com:port/"]


async def main():
    async with aiohttp.ClientSession() as session:
        for url in BAD:
            try:
                await session.get(url)
            except (aiohttp.InvalidURL, aiohttp.ClientError) as error:
                print("aiohttp", type(error).__name__, error)
    for url in BAD:
        try:
            httpx.get(url)
        except (httpx.InvalidURL, httpx.HTTPError) as error:
            print("httpx", type(error).__name__, error)
    for url in BAD:
        try:
            requests.get(url)
        except requests.RequestException as error:
            print("requests", type(error).__name__, error)


asyncio.run(main())
