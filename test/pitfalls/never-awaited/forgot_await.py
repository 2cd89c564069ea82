# 常见坑：调用协程函数却忘了 await，协程根本没有执行
import asyncio


async def send_email(to):
    await asyncio.sleep(0.3)
    print("email sent to", to)


async def main():
    send_email("alice@example.com")  # expect: never-awaited
    await asyncio.sleep(1)
    print("main done")


asyncio.run(main())
