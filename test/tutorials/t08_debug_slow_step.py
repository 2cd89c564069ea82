# 调试模式：找出阻塞事件循环的调用
import asyncio
import time

async def slow():
    time.sleep(0.2)          # 阻塞调用：整个事件循环都停住了
    return "slow done"

async def main():
    print(await slow())
    await asyncio.sleep(0.1)
    print("main done")

asyncio.run(main(), debug=True)
