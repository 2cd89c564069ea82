# time.sleep for eleven days blocks the loop the whole time.
import asyncio
import time


async def main():
    print("sleeping")
    time.sleep(1_000_000)
    print("never printed")


asyncio.run(main())
