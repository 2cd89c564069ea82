# 旧写法的调试模式：loop.set_debug(True)
import asyncio
import time

async def main():
    print("开始")
    time.sleep(0.15)
    await asyncio.sleep(0.1)
    print("结束")

if __name__ == "__main__":
    loop = asyncio.get_event_loop()
    loop.set_debug(True)
    loop.run_until_complete(main())
    loop.close()
