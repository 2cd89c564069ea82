# Lock：保护“读取、等待、写回”，避免两个任务互相覆盖对方的修改
# Objects view, second half: `lock` held by one withdraw task while the other waits in its
# line; the await graph draws waiter -> lock <- holder. The first half has no lock to show.
import asyncio

balance = 100


async def withdraw(who, amount, lock=None):
    global balance
    if lock is None:
        current = balance  # read...
        await asyncio.sleep(0.1)  # ...the other task runs here and reads the same value
        balance = current - amount  # ...write: overwrites the other task's update
    else:
        async with lock:  # only one task at a time inside this block
            current = balance
            await asyncio.sleep(0.1)
            balance = current - amount
    print(f"{who} took {amount}, balance is now {balance}")


async def main():
    global balance
    await asyncio.gather(withdraw("alice", 30), withdraw("bob", 50))
    print("without a lock:", balance, "(should be 20: one update was lost)")

    balance = 100
    lock = asyncio.Lock()  # when the first leaves, the narration says "releases lock (… is next)"
    await asyncio.gather(withdraw("alice", 30, lock), withdraw("bob", 50, lock))
    print("with a lock:", balance)


asyncio.run(main())
