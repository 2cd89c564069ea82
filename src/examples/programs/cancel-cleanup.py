# 取消与清理：cancel() 在 await 处抛出 CancelledError，finally 负责收尾，然后重新抛出
import asyncio


async def stream_video(viewer):
    print(f"{viewer}: connection opened")
    try:
        for chunk in range(1, 100):
            await asyncio.sleep(0.5)  # a cancellation arrives at an await like this
            print(f"{viewer}: sent chunk {chunk}")
    except asyncio.CancelledError:
        print(f"{viewer}: cancelled while waiting")
        raise  # re-raise: swallowing it would hide the cancellation from the caller
    finally:
        # finally runs after success, error and cancellation alike: the place to clean up.
        print(f"{viewer}: connection closed")


async def main():
    task = asyncio.create_task(stream_video("alice"))
    await asyncio.sleep(1.6)  # let three chunks go out
    print("main: the viewer left, cancelling")
    task.cancel()  # only a request: it lands when the task next runs
    try:
        await task
    except asyncio.CancelledError:
        print("main: task.cancelled() =", task.cancelled())


asyncio.run(main())
