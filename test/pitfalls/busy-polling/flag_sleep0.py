# 常见坑：用 while + sleep(0) 反复检查一个标志，白白占用事件循环
import asyncio

ready = False


async def loader():
    global ready
    for chunk in range(1, 16):
        print("loading chunk", chunk)
        await asyncio.sleep(0)
    ready = True


async def waiter():
    while not ready:
        await asyncio.sleep(0)  # expect: busy-polling
    print("data is ready")


async def main():
    await asyncio.gather(loader(), waiter())


asyncio.run(main())
