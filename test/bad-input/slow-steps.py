# Every step does real work before it yields: slow, but it never stops giving the loop control.
import asyncio


async def main():
    print("adding up, again and again")
    while True:
        total = sum(range(200_000))
        await asyncio.sleep(0)


asyncio.run(main())
