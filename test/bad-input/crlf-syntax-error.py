# A program with Windows line ends (CRLF) and a syntax error on line 6.
import asyncio


async def main():
    if True print("missing colon")


asyncio.run(main())
