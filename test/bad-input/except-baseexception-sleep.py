# An endless sleep loop that swallows every exception, even CancelledError.
import asyncio


async def main():
    while True:
        try:
            await asyncio.sleep(1)
        except BaseException:
            pass


asyncio.run(main())
