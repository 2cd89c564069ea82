# 旧写法：在事件循环外直接创建 Future 和 Task
import asyncio


async def job():
    await asyncio.sleep(0.1)
    return "任务完成"


fut = asyncio.Future()
loop = fut.get_loop()
print(type(loop).__name__, loop is asyncio.get_event_loop())
loop.call_later(0.1, fut.set_result, "完成")
print(loop.run_until_complete(fut))
task = asyncio.Task(job())
print(task.get_loop() is loop)
print(loop.run_until_complete(task))
loop.close()
