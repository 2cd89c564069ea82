# Old tutorials start with get_event_loop(); with no loop running, CPython 3.14
# raises RuntimeError (3.10-3.13 only warned and made a loop).
import asyncio


async def hello():
    print("hello")


loop = asyncio.get_event_loop()
loop.run_until_complete(hello())
loop.close()
