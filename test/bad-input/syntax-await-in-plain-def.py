# Syntax error: await inside a function that is not async.
import asyncio


def fetch():
    await asyncio.sleep(1)
    return 42


asyncio.run(fetch())
