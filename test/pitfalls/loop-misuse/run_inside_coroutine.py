# 常见坑：在协程里又调用 asyncio.run，事件循环已经在运行了
import asyncio


async def helper():
    await asyncio.sleep(0.1)
    return "helped"


async def main():
    print("main starts")
    result = asyncio.run(helper())  # expect: loop-misuse
    print(result)


asyncio.run(main())
