# Python 3.10 删除了 loop= 参数
import asyncio

async def main():
    loop = asyncio.get_running_loop()
    await asyncio.sleep(0.1, loop=loop)
    print("slept")

asyncio.run(main())
