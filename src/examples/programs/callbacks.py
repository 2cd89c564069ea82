# call_soon / call_later / call_at：把普通函数（回调）排进事件循环
import asyncio


def ring(label, loop, start):
    print(f"{loop.time() - start:.1f}s  {label}")


async def main():
    loop = asyncio.get_running_loop()
    start = loop.time()
    # call_soon: run on the loop's next turn, in the order they were added.
    loop.call_soon(ring, "call_soon #1", loop, start)
    loop.call_soon(ring, "call_soon #2", loop, start)
    # call_later: run after a delay in seconds, counted from now.
    loop.call_later(1.5, ring, "call_later 1.5", loop, start)
    loop.call_later(0.5, ring, "call_later 0.5", loop, start)
    # call_at: run at an absolute time on the loop's own clock (loop.time()).
    loop.call_at(start + 1.0, ring, "call_at start + 1.0", loop, start)
    # Each call returns a handle; a cancelled handle never runs.
    handle = loop.call_later(1.2, ring, "this never rings", loop, start)
    handle.cancel()
    print("all scheduled; nothing runs until main awaits")
    await asyncio.sleep(2)  # keep the loop busy long enough for every timer
    print("main done")


asyncio.run(main())
