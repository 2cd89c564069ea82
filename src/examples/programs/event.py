# Event：一个任务发出信号，所有等待它的任务一起被唤醒
import asyncio


async def runner(name, start_signal):
    print(f"{name}: on the starting line")
    await start_signal.wait()  # suspends until somebody calls set()
    print(f"{name}: running!")


async def main():
    start_signal = asyncio.Event()  # Objects view: the runners line up on start_signal, then set() wakes them all in one step
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
