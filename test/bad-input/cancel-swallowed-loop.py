# A task that swallows CancelledError, and a caller that keeps cancelling it
# until it is done: it never is.
import asyncio


async def stubborn():
    while True:
        try:
            await asyncio.sleep(1)
        except asyncio.CancelledError:
            print("cancel ignored")  # BUG: should re-raise


async def main():
    task = asyncio.create_task(stubborn())
    while not task.done():
        await asyncio.sleep(0.5)
        task.cancel()


asyncio.run(main())
