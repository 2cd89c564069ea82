# 正确写法：用 asyncio.timeout 给慢操作设定期限，超时后给出默认值
import asyncio


async def slow_lookup():
    await asyncio.sleep(5)
    return "fresh value"


async def main():
    try:
        async with asyncio.timeout(1):
            value = await slow_lookup()
    except TimeoutError:
        value = "cached value"
    print("value:", value)


asyncio.run(main())
