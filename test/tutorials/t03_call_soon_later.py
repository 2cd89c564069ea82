# call_soon / call_later，loop 作为参数传进协程
import asyncio
import functools

def callback(n, *, kind="默认"):
    print(f"callback {n} invoked ({kind})")

async def main(loop):
    print("注册callbacks")
    loop.call_later(0.2, callback, 1)
    loop.call_later(0.1, callback, 2)
    loop.call_soon(callback, 3)
    loop.call_soon(functools.partial(callback, 4, kind="partial"))
    await asyncio.sleep(0.4)

if __name__ == '__main__':
    loop = asyncio.get_event_loop()
    try:
        loop.run_until_complete(main(loop))
    finally:
        loop.close()
