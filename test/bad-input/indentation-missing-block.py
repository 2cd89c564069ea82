# IndentationError: the body of the function is not indented.
import asyncio


async def main():
print("hello")


asyncio.run(main())
