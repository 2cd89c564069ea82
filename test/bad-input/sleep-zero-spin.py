# Polling with sleep(0) for a flag nobody sets: time stands still, steps pile up.
import asyncio

ready = False


async def main():
    print("waiting for ready")
    while not ready:
        await asyncio.sleep(0)
    print("never printed")


asyncio.run(main())
