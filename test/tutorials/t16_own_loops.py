# 自己创建事件循环：new_event_loop、SelectorEventLoop、loop_factory、子类
import asyncio

async def work(name, delay):
    await asyncio.sleep(delay)
    print(f"{name} 完成，用时 {delay} 秒")
    return name


async def main():
    loop = asyncio.get_running_loop()
    print("运行在", type(loop).__name__)
    results = await asyncio.gather(work("A", 0.1), work("B", 0.2))
    print(results)


class MyLoop(asyncio.SelectorEventLoop):
    pass


loop = asyncio.new_event_loop()
asyncio.set_event_loop(loop)
loop.run_until_complete(main())
loop.close()

selector_loop = asyncio.SelectorEventLoop()
print(isinstance(selector_loop, asyncio.AbstractEventLoop), isinstance(selector_loop, asyncio.BaseEventLoop))
print(selector_loop.is_running(), selector_loop.is_closed())
selector_loop.run_until_complete(main())
selector_loop.close()
print(selector_loop.is_closed())

event_loop = asyncio.EventLoop()
event_loop.run_until_complete(main())
event_loop.close()

asyncio.run(main(), loop_factory=asyncio.EventLoop)
with asyncio.Runner(loop_factory=asyncio.SelectorEventLoop) as runner:
    runner.run(main())
    print("Runner 的循环:", type(runner.get_loop()).__name__)
asyncio.run(main(), loop_factory=asyncio.new_event_loop)
asyncio.run(main(), loop_factory=MyLoop)
