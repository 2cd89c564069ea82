# 常见坑：在循环里调用协程函数，只得到一堆协程对象
import asyncio

results = []


async def fetch(n):
    await asyncio.sleep(0.1)
    results.append(n * n)


async def main():
    for n in range(3):
        fetch(n)  # expect: never-awaited
    await asyncio.sleep(0.5)
    print("results:", results)


asyncio.run(main())
