# Deadlock: asyncio.Lock is not reentrant; the holder waits for itself.
import asyncio


async def main():
    lock = asyncio.Lock()
    async with lock:
        print("got the lock once")
        async with lock:
            print("never printed")


asyncio.run(main())
