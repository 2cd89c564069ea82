# About 100,000 loop steps: 1,000 tasks that each sleep 50 times in turn.
import asyncio


async def ticker(n):
    for i in range(50):
        await asyncio.sleep(0.01 * (1 + n % 7))
    return n


async def main():
    done = await asyncio.gather(*(ticker(n) for n in range(1000)))
    print(len(done), "tickers finished")


asyncio.run(main())
