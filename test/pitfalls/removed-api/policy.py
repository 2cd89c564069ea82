# 常见坑：老代码设置事件循环策略，Python 3.14 已弃用这套 API
import asyncio


async def main():
    await asyncio.sleep(0.1)
    print("policy set, main ran")


asyncio.set_event_loop_policy(asyncio.DefaultEventLoopPolicy())  # expect: removed-api
asyncio.run(main())
