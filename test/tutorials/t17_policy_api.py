# 旧教程：事件循环策略（Python 3.14 起弃用）
import asyncio

asyncio.set_event_loop_policy(asyncio.DefaultEventLoopPolicy())
policy = asyncio.get_event_loop_policy()
print(type(policy).__name__)
print(isinstance(policy, asyncio.AbstractEventLoopPolicy))
first = asyncio.get_event_loop()
print(type(first).__name__, first is policy.get_event_loop())
first.close()


async def main():
    await asyncio.sleep(0.1)
    print("策略给的循环:", type(asyncio.get_running_loop()).__name__)


print(asyncio.iscoroutinefunction(main))
loop = policy.new_event_loop()
asyncio.set_event_loop(loop)
print(asyncio.get_event_loop() is loop)
loop.run_until_complete(main())
loop.close()
asyncio.set_event_loop_policy(None)
print(type(asyncio.get_event_loop_policy()).__name__)
