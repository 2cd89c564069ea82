# A list that grows by a megabyte per turn and is never emptied.
import asyncio


async def main():
    print("hoarding")
    hoard = []
    while True:
        hoard.append(bytearray(1_000_000))


asyncio.run(main())
