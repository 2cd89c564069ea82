# Syntax error: a bracket opened and never closed.
import asyncio


async def main():
    print("total:", sum([1, 2, 3])
    await asyncio.sleep(1)


asyncio.run(main())
