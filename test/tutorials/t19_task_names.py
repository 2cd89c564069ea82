# asyncio.Task(coro) 直接创建的任务和 create_task 的任务共用一个 "Task-N" 计数
import asyncio

async def job(n):
    await asyncio.sleep(n / 10)
    return n

async def main():
    first = asyncio.create_task(job(1))
    direct = asyncio.Task(job(2))
    third = asyncio.ensure_future(job(3))
    named = asyncio.Task(job(4), name="mine")
    later = asyncio.get_running_loop().create_task(job(5))
    for t in (first, direct, third, named, later):
        print(t.get_name(), await t)
    print(isinstance(direct, asyncio.Task), type(direct).__name__, asyncio.current_task().get_name())
    print(repr(direct).split(" coro=")[0])

asyncio.run(main())
