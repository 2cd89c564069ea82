# 常见坑：在协程里直接做 CPU 密集的计算（数质数），计算期间事件循环什么也做不了
import asyncio


def count_primes(limit):
    count = 0
    for n in range(2, limit):
        for d in range(2, int(n ** 0.5) + 1):
            if n % d == 0:
                break
        else:
            count += 1
    return count


async def heartbeat():
    for i in range(3):
        print("heartbeat", i)
        await asyncio.sleep(0.1)


async def report():
    await asyncio.sleep(0.05)
    primes = count_primes(20_000)  # expect: blocking-call
    print("primes below 20000:", primes)


async def main():
    await asyncio.gather(heartbeat(), report())


asyncio.run(main())
