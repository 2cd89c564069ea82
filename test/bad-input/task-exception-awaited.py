# A task raises; main awaits it, so the exception reaches main and ends the program.
import asyncio


async def divide(a, b):
    await asyncio.sleep(0.2)
    return a / b


async def main():
    task = asyncio.create_task(divide(1, 0))
    print("waiting for the division")
    result = await task
    print("never printed", result)


asyncio.run(main())
