# 常见坑：三个互不相关的请求一个接一个 await，总耗时是三者之和
import asyncio
import time


async def fetch(name, seconds):
    await asyncio.sleep(seconds)  # 假装在请求网络
    return f"{name}: ok"


async def main():
    start = time.perf_counter()
    a = await fetch("users", 1)  # expect: sequential-awaits
    b = await fetch("orders", 1)
    c = await fetch("stock", 1)
    print(a, b, c)
    print(f"took {time.perf_counter() - start:.1f}s")


asyncio.run(main())
