# A busy loop that swallows every exception, even KeyboardInterrupt.
import asyncio


async def main():
    count = 0
    while True:
        try:
            count += 1
        except BaseException:
            pass


asyncio.run(main())
