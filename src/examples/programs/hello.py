# 你好 asyncio：await 会暂停当前协程，依次 await 时等待时间会累加
import asyncio
import time

START = time.perf_counter()


def stamp():
    """Seconds since the program started, e.g. '1.5s'."""
    return f"{time.perf_counter() - START:.1f}s"


async def say(text, delay):
    # asyncio.sleep pauses only this coroutine: the event loop is free meanwhile.
    await asyncio.sleep(delay)
    print(stamp(), text)


async def main():
    print(stamp(), "Hello!")
    # Each await waits for the coroutine to finish before the next line runs,
    # so these three run one after another: 1 + 0.5 + 0.5 = 2 seconds in total.
    await say("one second later", 1)
    await say("half a second after that", 0.5)
    await say("and half a second more", 0.5)
    print(stamp(), "Goodbye! Awaiting one by one adds the delays up.")


# asyncio.run creates an event loop, runs main() to the end, then closes the loop.
asyncio.run(main())
