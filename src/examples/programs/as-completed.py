# as_completed：按完成先后处理结果，先完成的先处理
import asyncio


async def check_site(url, seconds, up=True):
    await asyncio.sleep(seconds)
    if not up:
        raise ConnectionError(f"{url} refused the connection")
    return url, seconds


async def main():
    checks = [
        check_site("a.example", 1.5),
        check_site("b.example", 0.5),
        check_site("c.example", 1.0, up=False),
        check_site("d.example", 0.2),
    ]
    # as_completed hands back awaitables in the order the checks finish, so each
    # result is reported as soon as it is ready instead of after the slowest.
    for rank, next_done in enumerate(asyncio.as_completed(checks), start=1):
        try:
            url, seconds = await next_done
            print(f"#{rank}: {url} is up ({seconds}s)")
        except ConnectionError as err:  # a failure arrives in its turn, too
            print(f"#{rank}: {err}")


asyncio.run(main())
