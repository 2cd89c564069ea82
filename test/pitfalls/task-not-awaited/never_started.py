# 常见坑：创建任务后 main 立刻结束，任务一行代码都没来得及运行
import asyncio


async def log_visit(page):
    await asyncio.sleep(0.1)
    print("visited", page)


async def main():
    asyncio.create_task(log_visit("/home"))  # expect: task-not-awaited
    print("main returns right away")


asyncio.run(main())
