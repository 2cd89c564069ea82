# Event：一个任务发出信号，所有等待它的任务一起被唤醒
# Objects view: the runners line up on `start_signal` (set: false); at set() it turns true and
# the narration says who wakes, all in one step. The await graph shows each runner waiting on it.
import asyncio


async def runner(name, start_signal):
    print(f"{name}: on the starting line")
    await start_signal.wait()  # suspends until somebody calls set()
    print(f"{name}: running!")


async def main():
    start_signal = asyncio.Event()
    runners = [asyncio.create_task(runner(n, start_signal)) for n in ("ana", "ben", "cai")]
    await asyncio.sleep(0.5)
    for word in ("ready", "set"):
        print(f"referee: {word}...")
        await asyncio.sleep(0.5)
    print("referee: go!")
    start_signal.set()  # wakes every waiter at once
    await asyncio.gather(*runners)

    # Once set, the event stays set: a later wait() returns at once.
    await start_signal.wait()
    print("a latecomer passes straight through, is_set() =", start_signal.is_set())


asyncio.run(main())
