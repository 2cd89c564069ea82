# IndentationError: a line indented for no reason.
import asyncio

async def main():
    print("one")
        print("two")

asyncio.run(main())
