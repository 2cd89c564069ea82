# 正确写法：倒计时本来就应该一秒一秒地等
import asyncio


async def countdown(n):
    while n > 0:
        print(n)
        await asyncio.sleep(1)
        n -= 1
    print("liftoff!")


asyncio.run(countdown(3))
