# A coroutine that never awaits: the event loop never gets control back.
import asyncio


async def main():
    print("spinning")
    while True:
        pass


asyncio.run(main())
