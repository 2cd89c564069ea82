# input() needs a keyboard; the program has none.
import asyncio


async def main():
    name = input("Your name? ")
    await asyncio.sleep(0.1)
    print("hello", name)


asyncio.run(main())
