# Deadlock: waiting for an Event that nobody will ever set.
import asyncio


async def main():
    done = asyncio.Event()
    print("waiting for the signal")
    await done.wait()
    print("never printed")


asyncio.run(main())
