# Condition：等待某个条件成立；notify_all 唤醒后，每个等待者重新检查条件
# Objects view: the customers waiting in `counter`'s line (wait_for); each notify_all() wakes
# the whole line in order ("notifies counter"), and the await graph shows who waits on it.
import asyncio

stock = {"noodles": 0}


async def customer(name, wanted, counter):
    async with counter:
        print(f"{name}: wants {wanted}")
        # wait_for releases the lock while waiting and re-checks the
        # condition each time it is woken up.
        await counter.wait_for(lambda: stock["noodles"] >= wanted)
        stock["noodles"] -= wanted
        print(f"{name}: got {wanted}, {stock['noodles']} left")


async def kitchen(counter):
    for batch in (2, 3, 2):
        await asyncio.sleep(1)
        async with counter:
            stock["noodles"] += batch
            print(f"kitchen: cooked {batch}, {stock['noodles']} on the counter")
            counter.notify_all()  # wake every waiter; each checks its own condition


async def main():
    counter = asyncio.Condition()
    await asyncio.gather(
        customer("li", 3, counter),
        customer("wang", 1, counter),
        customer("zhao", 2, counter),
        kitchen(counter),
    )


asyncio.run(main())
