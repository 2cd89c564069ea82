# 常见坑：for 循环里逐个 await，本可以用 gather 一起跑
import asyncio

URLS = ["https://example.com/a", "https://example.com/b", "https://example.com/c", "https://example.com/d"]


async def download(url):
    await asyncio.sleep(0.5)
    return len(url)


async def main():
    sizes = []
    for url in URLS:
        sizes.append(await download(url))  # expect: sequential-awaits
    print("sizes:", sizes)


asyncio.run(main())
