# 忘了 await：协程从没运行
import asyncio

async def num():
    print("num runs")
    return 1

async def main():
    num()
    await asyncio.sleep(0.1)
    print("main done")

asyncio.run(main())
