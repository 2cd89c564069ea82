# 常见坑：类里的 async 方法同样需要 await
import asyncio


class Cache:
    def __init__(self):
        self.data = {}

    async def save(self, key, value):
        await asyncio.sleep(0.1)
        self.data[key] = value


async def main():
    cache = Cache()
    pending = cache.save("user", "Ada")  # expect: never-awaited
    print("saved?", cache.data)
    del pending
    await asyncio.sleep(0.2)
    print("still empty:", cache.data)


asyncio.run(main())
