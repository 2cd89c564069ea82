# 常见错误：在协程里调用 time.sleep，整个事件循环都被卡住
import asyncio
import time


async def heartbeat(start):
    for _ in range(4):
        print(f"{time.perf_counter() - start:.1f}s heartbeat")
        await asyncio.sleep(0.5)


async def handler(start, blocking):
    await asyncio.sleep(0.6)
    print(f"{time.perf_counter() - start:.1f}s handler starts 1.5s of work")
    if blocking:
        time.sleep(1.5)  # WRONG: blocks the whole thread, so no task can run
    else:
        await asyncio.sleep(1.5)  # RIGHT: pauses only this coroutine
    print(f"{time.perf_counter() - start:.1f}s handler done")


async def main():
    for blocking in (True, False):
        print("--- with", "time.sleep" if blocking else "await asyncio.sleep")
        start = time.perf_counter()
        await asyncio.gather(heartbeat(start), handler(start, blocking))
    # With time.sleep the heartbeat due at 1.0s only comes at 2.1s.


asyncio.run(main())
