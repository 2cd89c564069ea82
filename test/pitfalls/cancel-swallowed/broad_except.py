# 常见坑：except BaseException 把 CancelledError 也吞掉了，超时不再生效
import asyncio


async def fetch_report():
    while True:
        try:
            await asyncio.sleep(1)  # expect: cancel-swallowed
            print("report chunk")
        except BaseException as exc:
            print("ignored", type(exc).__name__)
            return None


async def main():
    task = asyncio.create_task(fetch_report())
    await asyncio.sleep(2.5)
    task.cancel()
    result = await task
    print("result:", result)


asyncio.run(main())
