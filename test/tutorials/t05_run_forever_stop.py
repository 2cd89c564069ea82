# run_forever + call_later(loop.stop)：老式的“心跳”
import asyncio

async def heartbeat():
    n = 0
    while True:
        n += 1
        print("心跳", n)
        await asyncio.sleep(0.5)

loop = asyncio.get_event_loop()
task = asyncio.ensure_future(heartbeat())
loop.call_later(1.6, loop.stop)
loop.run_forever()
print("循环停止，任务完成了吗？", task.done())
task.cancel()
loop.run_until_complete(asyncio.sleep(0))
print("取消之后：", task.cancelled())
loop.close()
