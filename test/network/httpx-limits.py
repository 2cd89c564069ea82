# httpx.AsyncClient with Limits(max_connections=5): 20 requests, 5 at a time.
import asyncio

import httpx


async def main():
    limits = httpx.Limits(max_connections=5)
    async with httpx.AsyncClient(limits=limits) as client:
        responses = await asyncio.gather(
            *(client.get("https://httpbin.org/get", params={"page": i}) for i in range(20)))
    print([r.status_code for r in responses].count(200), "of", len(responses))
    print(responses[3].json()["args"])


asyncio.run(main())
