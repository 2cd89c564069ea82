# asyncio.wait(FIRST_COMPLETED)：用最快返回的结果，再取消其余任务
import asyncio


async def ask_mirror(city, seconds):
    await asyncio.sleep(seconds)
    print(f"{city} answered after {seconds}s")
    return f"package from {city}"


async def main():
    mirrors = {"tokyo": 1.2, "frankfurt": 0.4, "virginia": 0.9}
    tasks = [asyncio.create_task(ask_mirror(c, s), name=c) for c, s in mirrors.items()]

    # Return as soon as one task is done. wait() never raises and never
    # cancels anything by itself: it hands back two sets.
    done, pending = await asyncio.wait(tasks, return_when=asyncio.FIRST_COMPLETED)
    print("fastest:", done.pop().result(), f"({len(pending)} still pending)")

    # The slower tasks are still running: cancel them, then wait for them to finish.
    for task in pending:
        task.cancel()
    await asyncio.wait(pending)
    for task in tasks:
        print(f"  {task.get_name()}: cancelled={task.cancelled()}")


asyncio.run(main())
