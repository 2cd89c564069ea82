# A loop that sleeps forever: cheap per step, but the clock never stops.
import asyncio


async def main():
    ticks = 0
    while True:
        await asyncio.sleep(1)
        ticks += 1
        if ticks % 600 == 0:
            print(f"{ticks} seconds")


asyncio.run(main())
