# Converting a huge int to text hits CPython's digit limit (3.11+).
import asyncio


async def main():
    big = 10**5000
    await asyncio.sleep(0.1)
    print("digits:", len(str(big)))


asyncio.run(main())
