# A tutorial crawler: 50 pages, at most 10 requests at once (asyncio.Semaphore(10)).
import asyncio

import aiohttp

URLS = [f"https://example.com/articles/{i}" for i in range(50)]


async def fetch(session, semaphore, url):
    async with semaphore:
        async with session.get(url) as response:
            body = await response.text()
            return response.status, len(body)


async def main():
    semaphore = asyncio.Semaphore(10)
    async with aiohttp.ClientSession() as session:
        results = await asyncio.gather(*(fetch(session, semaphore, url) for url in URLS))
    print(len(results), "pages,", sum(1 for status, _ in results if status == 200), "with 200")


asyncio.run(main())
