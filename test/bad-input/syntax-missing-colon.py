# Syntax error: the colon after the def line is missing.
import asyncio


async def main()
    print("never runs")


asyncio.run(main())
