# main returns while a task swallows cancellation: asyncio.run cancels the
# leftover task on the way out and waits for it forever.
import asyncio


async def stubborn():
    while True:
        try:
            await asyncio.sleep(1)
        except asyncio.CancelledError:
            print("cancel ignored")  # BUG: should re-raise


async def main():
    asyncio.create_task(stubborn())
    await asyncio.sleep(0.1)
    print("main returns")


asyncio.run(main())
