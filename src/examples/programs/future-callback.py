# Future 与完成回调：Future 是“将来才有结果”的占位对象
import asyncio


def report(fut):
    # A done callback receives the future itself, and runs via the loop (call_soon).
    if fut.exception() is not None:
        print("callback: failed with", repr(fut.exception()))
    else:
        print("callback: result is", fut.result())


async def main():
    loop = asyncio.get_running_loop()
    answer = loop.create_future()
    answer.add_done_callback(report)
    print("future created, done() =", answer.done())
    # Somebody else fills it in later: here a timer calls set_result after 1s.
    loop.call_later(1, answer.set_result, 42)
    print("main: awaited", await answer)  # suspends until set_result

    # A Task is a Future too, so it accepts done callbacks.
    task = asyncio.create_task(asyncio.sleep(0.5, result="tea"))
    task.add_done_callback(report)
    print("main: task gave", await task)

    # A future can also end with an exception; awaiting it raises that exception.
    sensor = loop.create_future()
    sensor.add_done_callback(report)
    loop.call_later(0.5, sensor.set_exception, OSError("sensor offline"))
    try:
        await sensor
    except OSError as err:
        print("main: caught", repr(err))


asyncio.run(main())
