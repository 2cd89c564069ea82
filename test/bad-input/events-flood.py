# Every step runs a small loop before it yields: each round is a line the trace records.
import asyncio


async def chatter():
    print("chattering")
    while True:
        for i in range(50):
            x = i
        await asyncio.sleep(0)


asyncio.run(chatter())
