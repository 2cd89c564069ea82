# 常见坑：保存了任务，却一直没有 await 它，也没有查看 exception()
import asyncio


async def parse(text):
    await asyncio.sleep(0.1)
    return int(text)


async def main():
    good = asyncio.create_task(parse("12"))
    bad = asyncio.create_task(parse("abc"))  # expect: exception-never-retrieved
    print(await good)
    await asyncio.sleep(0.3)
    print("bad done?", bad.done())
    del bad


asyncio.run(main())
