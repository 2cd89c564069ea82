# A valid program saved with Windows line ends (CRLF): it must run normally.
import asyncio


async def ping(n):
    await asyncio.sleep(0.1 * n)
    print(f"ping {n}")


async def main():
    await asyncio.gather(ping(2), ping(1))
    print("done")


asyncio.run(main())
