# 很老的教程：@asyncio.coroutine 和 yield from（Python 3.11 删除）
import asyncio

@asyncio.coroutine
def old_style():
    yield from asyncio.sleep(0.1)
    return "old"

loop = asyncio.get_event_loop()
print(loop.run_until_complete(old_style()))
