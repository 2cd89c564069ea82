# A call_soon callback raises: asyncio logs it on stderr and the loop goes on.
import asyncio


def broken():
    raise RuntimeError("callback failed")


async def main():
    asyncio.get_running_loop().call_soon(broken)
    await asyncio.sleep(0.1)
    print("the loop survived")


asyncio.run(main())
