# Two gigabytes in one allocation: more than Python in the browser can ever have.
import asyncio


async def main():
    print("allocating")
    data = bytearray(2**31 - 1)
    print(len(data))


asyncio.run(main())
