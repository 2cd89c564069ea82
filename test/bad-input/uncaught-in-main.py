# An exception raised by the main coroutine: asyncio.run re-raises it.
import asyncio


async def main():
    prices = {"tea": 3, "coffee": 4}
    await asyncio.sleep(0.5)
    print("looking up cocoa")
    print(prices["cocoa"])


asyncio.run(main())
