# 常见坑：创建了任务却没有等它完成，main 一返回任务就被取消了
import asyncio


async def backup():
    print("backup: start")
    await asyncio.sleep(2)
    print("backup: done")  # 永远不会打印


async def main():
    task = asyncio.create_task(backup())  # expect: task-not-awaited
    await asyncio.sleep(0.5)
    print("main: bye")


asyncio.run(main())
