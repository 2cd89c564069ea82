# 常见坑：用 aiohttp 却逐个 await 请求，异步的优势完全没有发挥
import asyncio

import aiohttp


async def main():
    async with aiohttp.ClientSession() as session:
        pages = []
        for n in range(1, 5):
            async with session.get(f"https://example.com/page/{n}") as resp:  # expect: sequential-awaits
                pages.append(resp.status)
        print("statuses:", pages)


asyncio.run(main())
