# 常见坑：create_task 之后从不 await，任务里的异常没人处理
import asyncio


async def charge(order):
    await asyncio.sleep(0.1)
    raise ValueError(f"card declined for order {order}")


async def main():
    asyncio.create_task(charge(7))  # expect: exception-never-retrieved
    await asyncio.sleep(0.5)
    print("main thinks everything went fine")


asyncio.run(main())
