# 常见坑：httpx 关掉连接数限制后，150 个请求一拥而上
import asyncio

import httpx


async def check(client, n):
    resp = await client.get(f"https://status.example.com/host/{n}")  # expect: unbounded-fan-out
    return resp.status_code


async def main():
    limits = httpx.Limits(max_connections=None)
    async with httpx.AsyncClient(limits=limits) as client:
        codes = await asyncio.gather(*(check(client, n) for n in range(150)))
    print("checked", len(codes), "hosts")


asyncio.run(main())
