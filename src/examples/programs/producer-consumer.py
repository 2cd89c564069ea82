# Queue 生产者/消费者：put/get 会自动等待，join 等到每一项都 task_done
# Objects view: the cakes on `shelf` (next out first), the sellers waiting in get() while it
# is empty, main in join() at the end; the await graph ties each waiting task to shelf.
import asyncio


async def baker(shelf):
    for n in range(1, 6):
        await asyncio.sleep(0.3)  # baking takes a while
        await shelf.put(f"cake {n}")  # waits while the shelf (maxsize=2) is full
        print(f"baker: cake {n} on the shelf, {shelf.qsize()} waiting")
    print("baker: done for the day")


async def seller(name, shelf, seconds):
    while True:  # runs forever: main cancels it when everything is sold
        cake = await shelf.get()  # waits while the shelf is empty
        print(f"{name}: selling {cake}")
        await asyncio.sleep(seconds)
        shelf.task_done()  # tell join() this item is finished


async def main():
    shelf = asyncio.Queue(maxsize=2)  # the narration: "puts 'cake 4' into shelf (2/2 full)"
    sellers = [
        asyncio.create_task(seller("amy", shelf, 1.0)),
        asyncio.create_task(seller("bob", shelf, 1.3)),
    ]
    await baker(shelf)
    await shelf.join()  # returns once every cake had its task_done()
    print("all cakes sold, closing the shop")
    for task in sellers:
        task.cancel()
    await asyncio.gather(*sellers, return_exceptions=True)


asyncio.run(main())
