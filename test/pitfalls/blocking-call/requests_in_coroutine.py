# 常见坑：在 async def 里调用同步的 requests，请求期间其他协程全部卡住
import asyncio

import requests


async def heartbeat():
    for _ in range(4):
        print("still alive")
        await asyncio.sleep(0.1)


async def download(url):
    resp = requests.get(url)  # expect: blocking-call
    print(url, resp.status_code)


async def main():
    await asyncio.gather(heartbeat(), download("https://example.com/data"))


asyncio.run(main())
