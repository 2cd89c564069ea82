# ClientTimeout(total=2) on an endpoint that answers after 5 s.
import asyncio

import aiohttp


async def main():
    timeout = aiohttp.ClientTimeout(total=2)
    async with aiohttp.ClientSession(timeout=timeout) as session:
        try:
            async with session.get("https://httpbin.org/delay/5") as response:
                print(response.status)
        except asyncio.TimeoutError:
            print("timed out at", asyncio.get_running_loop().time())


asyncio.run(main())
