# Retries with exponential backoff: the API answers 503 twice, then 200.
# loopscope: net GET https://api.example.com/orders status=503,503,200 latency=0.2
import asyncio
import time

import aiohttp


async def get_with_retries(session, url, attempts=5):
    delay = 0.5
    for attempt in range(1, attempts + 1):
        try:
            async with session.get(url) as response:
                response.raise_for_status()
                return await response.text()
        except aiohttp.ClientResponseError as error:
            print(f"attempt {attempt}: {error.status} {error.message}; retrying in {delay} s")
            await asyncio.sleep(delay)
            delay *= 2
    raise RuntimeError("gave up")


async def main():
    start = time.monotonic()
    async with aiohttp.ClientSession() as session:
        await get_with_retries(session, "https://api.example.com/orders")
    print(f"done after {time.monotonic() - start:.1f} s")


asyncio.run(main())
