# The program raises KeyboardInterrupt itself: a program error, not a Stop click.
import asyncio


async def main():
    print("pretending Ctrl+C was pressed")
    await asyncio.sleep(0.1)
    raise KeyboardInterrupt


asyncio.run(main())
