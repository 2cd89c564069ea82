# 常见坑：在协程里一口气生成一份很大的 JSON 报表，事件循环在这期间停住了
import asyncio
import json


async def build_report(n):
    rows = []
    for i in range(n):
        rows.append({"id": i, "name": f"user{i}", "score": i * 7 % 100})  # expect: blocking-call
    text = json.dumps(rows)
    print("report bytes:", len(text))


async def progress():
    for pct in (0, 50, 100):
        print(f"progress {pct}%")
        await asyncio.sleep(0.2)


async def main():
    await asyncio.gather(progress(), build_report(185_000))


asyncio.run(main())
