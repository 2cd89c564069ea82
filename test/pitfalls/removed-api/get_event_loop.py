# 常见坑：老教程里的 get_event_loop().run_until_complete，在 Python 3.14 里直接报错
import asyncio


async def greet():
    await asyncio.sleep(0.1)
    print("hello from an old tutorial")


loop = asyncio.get_event_loop()  # expect: removed-api
loop.run_until_complete(greet())
loop.close()
