# 常见坑：等待一个永远没人 set 的 Event
import asyncio


async def wait_for_start(started):
    print("waiting for the start signal")
    await started.wait()  # expect: deadlock
    print("started!")


async def main():
    started = asyncio.Event()
    await wait_for_start(started)


asyncio.run(main())
