# os._exit(1) ends the process at once, without any cleanup.
import asyncio
import os


async def main():
    print("about to exit hard")
    await asyncio.sleep(0.1)
    os._exit(1)


asyncio.run(main())
