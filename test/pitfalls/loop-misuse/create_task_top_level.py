# 常见坑：在模块顶层（没有运行中的事件循环）调用 create_task
import asyncio


async def background():
    await asyncio.sleep(0.1)
    print("background work")


task = asyncio.create_task(background())  # expect: loop-misuse
asyncio.run(asyncio.sleep(0.2))
