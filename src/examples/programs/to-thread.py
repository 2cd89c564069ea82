# to_thread / run_in_executor：把阻塞函数交给工作线程，事件循环照常运转
import asyncio
import time


def resize_photo(name, seconds):
    time.sleep(seconds)  # blocking work is fine here: it runs in a worker thread
    return f"small-{name}"


async def heartbeat(start):
    for _ in range(5):
        print(f"{time.perf_counter() - start:.1f}s loop is still responsive")
        await asyncio.sleep(0.4)


async def main():
    start = time.perf_counter()
    loop = asyncio.get_running_loop()
    beat = asyncio.create_task(heartbeat(start))
    # to_thread (3.9+) runs a plain function in the default thread pool.
    cat = asyncio.to_thread(resize_photo, "cat.jpg", 1.0)
    # run_in_executor is the older, lower-level form (None = the default pool).
    dog = loop.run_in_executor(None, resize_photo, "dog.jpg", 1.5)
    photos = await asyncio.gather(cat, dog)
    print(f"{time.perf_counter() - start:.1f}s resized {photos}, both in 1.5s")
    await beat


asyncio.run(main())
