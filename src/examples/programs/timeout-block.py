# asyncio.timeout：用 async with 给一整段代码设定期限，还可以中途延长
import asyncio


async def step(name, seconds):
    await asyncio.sleep(seconds)
    print(f"  {name} done")


async def main():
    loop = asyncio.get_running_loop()
    start = loop.time()
    # Every await inside the block shares one 2-second budget.
    try:
        async with asyncio.timeout(2):
            await step("connect", 0.5)
            await step("log in", 0.5)
            await step("download report", 3)  # this step blows the budget
            print("  never printed")
    except TimeoutError:
        print(f"timed out after {loop.time() - start:.1f}s")

    # The deadline can be moved while the block runs.
    async with asyncio.timeout(1) as deadline:
        await step("quick check", 0.5)
        deadline.reschedule(loop.time() + 2)  # the next step needs longer
        await step("slow but allowed", 1.5)
    print("second block finished, expired:", deadline.expired())


asyncio.run(main())
