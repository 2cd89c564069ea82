# 常见坑：把协程直接传给 asyncio.wait，Python 3.11 起不再支持
import asyncio


async def job(n):
    await asyncio.sleep(0.1 * n)
    return n


async def main():
    done, pending = await asyncio.wait([job(1), job(2)])  # expect: removed-api
    print(len(done), "done")


asyncio.run(main())
