# 常见坑：关闭事件循环之后又拿它来运行协程
import asyncio


async def ping():
    await asyncio.sleep(0.1)
    print("pong")


loop = asyncio.new_event_loop()
loop.run_until_complete(ping())
loop.close()
loop.run_until_complete(ping())  # expect: loop-misuse
