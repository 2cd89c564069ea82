# The tutorials' central mistake: requests.get inside coroutines blocks the whole loop.
import asyncio
import time

import requests


async def fetch(i):
    response = requests.get(f"https://example.com/item/{i}")
    return response.elapsed.total_seconds()


async def main():
    start = time.perf_counter()
    latencies = await asyncio.gather(*(fetch(i) for i in range(5)))
    print(f"sum of latencies {sum(latencies):.3f} s")
    print(f"took {time.perf_counter() - start:.3f} s")


asyncio.run(main())
