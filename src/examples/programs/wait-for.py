# wait_for：给一次等待加上超时，超时后被等待的协程会被取消
import asyncio


async def download(name, seconds):
    print(f"{name}: downloading, needs {seconds}s")
    try:
        await asyncio.sleep(seconds)
    except asyncio.CancelledError:
        print(f"{name}: cancelled by the timeout")
        raise  # always let a cancellation carry on
    print(f"{name}: finished")
    return f"{name}.zip"


async def main():
    for name, seconds in [("small", 0.5), ("huge", 5)]:
        try:
            # Wait at most 2 seconds. On timeout, wait_for cancels download()
            # and raises TimeoutError here.
            file = await asyncio.wait_for(download(name, seconds), timeout=2)
            print("main: got", file)
        except TimeoutError:  # asyncio.TimeoutError is this same class since 3.11
            print(f"main: gave up on {name} after 2s")


asyncio.run(main())
