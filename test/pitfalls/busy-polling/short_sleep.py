# 常见坑：每 0.05 秒检查一次 dict 里有没有结果，本该用 Event
import asyncio

results = {}


async def job():
    await asyncio.sleep(2)
    results["answer"] = 42


async def wait_for_answer():
    while "answer" not in results:
        await asyncio.sleep(0.05)  # expect: busy-polling
    print("answer:", results["answer"])


async def main():
    await asyncio.gather(job(), wait_for_answer())


asyncio.run(main())
