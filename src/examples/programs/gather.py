# gather：并发运行多个协程，按传入顺序返回结果；return_exceptions 把异常当作结果
import asyncio


async def fetch_price(shop, seconds, price):
    await asyncio.sleep(seconds)  # pretend to call a slow web API
    if price is None:
        raise LookupError(f"{shop} is out of stock")
    print(f"{shop} answered after {seconds}s")
    return price


async def main():
    # All three requests run at once, so this takes 1.5s, not 3s.
    # The results come back in the order we passed them in,
    # even though "corner" answers first.
    prices = await asyncio.gather(
        fetch_price("mall", 1.5, 12),
        fetch_price("corner", 0.5, 10),
        fetch_price("online", 1.0, 9),
    )
    print("prices:", prices, "-> cheapest:", min(prices))

    # With return_exceptions=True a failure becomes an item of the list
    # instead of being raised, so the other results are not lost.
    results = await asyncio.gather(
        fetch_price("market", 0.5, 11),
        fetch_price("kiosk", 1.0, None),
        return_exceptions=True,
    )
    for item in results:
        print("  got", repr(item))


asyncio.run(main())
