# Semaphore 限流：同一时间最多只有 2 个下载在进行
# Objects view: `limit` shows its free permits (2, 1, 0), the downloads holding them and the
# line behind, next first. The await graph ties each download to limit: holds or waits.
import asyncio
import time

START = time.perf_counter()
running = 0


def stamp():
    return f"{time.perf_counter() - START:.1f}s"


async def download(page, seconds, limit):
    global running
    async with limit:  # waits here while 2 downloads are already inside
        running += 1
        print(stamp(), f"page {page}: start ({running} running)")
        await asyncio.sleep(seconds)
        running -= 1
        print(stamp(), f"page {page}: done")


async def main():
    limit = asyncio.Semaphore(2)  # the narration: "3rd in line of 3 (Semaphore 0/2)"
    durations = [1.0, 0.6, 0.8, 1.2, 0.5, 0.7]
    await asyncio.gather(
        *(download(page, s, limit) for page, s in enumerate(durations, start=1))
    )
    print(stamp(), "all 6 pages fetched, never more than 2 at a time")


asyncio.run(main())
