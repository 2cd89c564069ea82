# loop.create_task 建任务，asyncio.wait 等它们全部完成
import asyncio

async def work(name, delay):
    print(f"{name} 开始")
    await asyncio.sleep(delay)
    print(f"{name} 完成")
    return name.upper()

if __name__ == '__main__':
    loop = asyncio.get_event_loop()
    tasks = [loop.create_task(work(n, d)) for n, d in [("a", 0.3), ("b", 0.1), ("c", 0.2)]]
    done, pending = loop.run_until_complete(asyncio.wait(tasks))
    print("完成的任务数:", len(done), "未完成:", len(pending))
    print(sorted(t.result() for t in done))
    loop.close()
