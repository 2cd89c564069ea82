# TabError: one line indented with a tab, the next with eight spaces.
import asyncio


async def main():
	print("indented with a tab")
        await asyncio.sleep(1)


asyncio.run(main())
