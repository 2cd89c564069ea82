/**
 * Small programs that between them make every kind of narration clause, handle label and
 * await description happen for real. record.ts runs them through the engine and writes
 * src/trace/fixtures/narrationTraces.ts.
 */
export const NARRATION_PROGRAMS: Readonly<Record<string, string>> = {
  /** Tasks created (one, many), awaited alone and through gather; a callback; time.sleep; a thread. */
  busyMain: `import asyncio, time


def blocking_io():
    return 42


def hello(n):
    print("callback", n)


async def worker(n):
    await asyncio.sleep(n)
    return n * 2


async def main():
    loop = asyncio.get_running_loop()
    loop.call_soon(hello, 3)
    many = [asyncio.create_task(worker(i)) for i in range(4)]
    one = asyncio.create_task(worker(1), name="single")
    print(await asyncio.gather(*many))
    print(await one)
    time.sleep(0.25)
    print(await asyncio.to_thread(blocking_io))
    await asyncio.sleep(0)


asyncio.run(main())
`,
  /**
   * Queues and events; a failing task; a task cancelled before it starts; one that swallows it;
   * one that ends cancelled because the task it awaited was.
   */
  primitives: `import asyncio


async def consumer(q):
    item = await q.get()
    print("got", item)
    try:
        await asyncio.Event().wait()
    except asyncio.CancelledError:
        print("cancelled, going on")
    await asyncio.sleep(0.5)


async def boom():
    await asyncio.sleep(0)
    raise ValueError("boom")


async def never():
    await asyncio.sleep(1)


async def waiter(t):
    await t


async def main():
    q = asyncio.Queue()
    c = asyncio.create_task(consumer(q))
    await asyncio.sleep(0)
    await q.put(1)
    await asyncio.sleep(0)
    c.cancel()
    n = asyncio.create_task(never())
    n.cancel()
    try:
        await boom()
    except ValueError as e:
        print("caught", e)
    fut = asyncio.get_running_loop().create_future()
    asyncio.get_running_loop().call_later(0.1, fut.set_result, 7)
    print(await fut)
    await c
    try:
        await n
    except asyncio.CancelledError:
        print("never ran")
    b = asyncio.create_task(boom())
    try:
        await b
    except ValueError:
        print("b failed")
    v = asyncio.create_task(never())
    w = asyncio.create_task(waiter(v))
    await asyncio.sleep(0)
    v.cancel()
    try:
        await w
    except asyncio.CancelledError:
        print("the waiter ends cancelled too")


asyncio.run(main())
`,
  /** Timeouts: asyncio.timeout and wait_for, converted to TimeoutError; a sleep nobody waits for any more. */
  timeouts: `import asyncio


async def slow():
    await asyncio.sleep(5)


async def main():
    try:
        async with asyncio.timeout(0.5):
            await asyncio.sleep(2)
    except TimeoutError:
        print("timed out")
    try:
        await asyncio.wait_for(slow(), timeout=0.5)
    except TimeoutError:
        print("wait_for timed out")
    await asyncio.sleep(3)


asyncio.run(main())
`,
  /** A run cut short by the busy-loop limit: the last step's task is still running. */
  endless: `import asyncio


async def spin():
    await asyncio.sleep(0)
    n = 0
    while True:
        n += 1


asyncio.run(spin())
`,
  /** No event loop at all. */
  noLoop: `print("no loop here")
`,
  /** A callback scheduled before the loop runs: the program starts with no task. */
  callbackFirst: `import asyncio


def tick(n):
    print("tick", n)


loop = asyncio.new_event_loop()
loop.call_soon(tick, 1)
loop.call_soon(loop.stop)
loop.run_forever()
loop.close()
`,
  /**
   * The simulated network: requests on the wire and queued for a connection (limit=2), a
   * response arriving, a host that does not resolve, a read timeout, and requests.get blocking
   * the loop once and four times in one step.
   */
  network: `import asyncio

import aiohttp
import requests


async def fetch(session, url):
    async with session.get(url) as response:
        return response.status


async def main():
    connector = aiohttp.TCPConnector(limit=2)
    async with aiohttp.ClientSession(connector=connector) as session:
        print(await asyncio.gather(*(fetch(session, f"https://example.com/{i}") for i in range(3))))
        try:
            await session.get("https://shop.invalid/")
        except aiohttp.ClientConnectorError as error:
            print(type(error).__name__)
        try:
            await session.get("https://httpbin.org/delay/5", timeout=aiohttp.ClientTimeout(sock_read=1))
        except asyncio.TimeoutError as error:
            print(type(error).__name__)
    print(requests.get("https://example.com/one").status_code)
    await asyncio.sleep(0)
    print([requests.get(f"https://example.com/many/{i}").status_code for i in range(4)])


asyncio.run(main())
`,
  /**
   * The asyncio objects, each changed by a task: a bounded Queue put into until full and taken
   * from (a getter and a putter woken), a Semaphore's permits taken, waited for in line and
   * released to the next, a Lock passed on, an Event set for its waiters and cleared, a Condition
   * notified, a Barrier's last party waking the first.
   */
  objects: `import asyncio


async def consumer(queue):
    for _ in range(3):
        await queue.get()
        await asyncio.sleep(0.1)


async def download(limit):
    async with limit:
        await asyncio.sleep(0.1)


async def worker(lock):
    async with lock:
        await asyncio.sleep(0.1)


async def waiter(ready, cond):
    await ready.wait()
    async with cond:
        await cond.wait()


async def meet(barrier):
    await barrier.wait()


async def main():
    queue = asyncio.Queue(maxsize=2)
    c = asyncio.create_task(consumer(queue), name="consumer")
    await asyncio.sleep(0)
    for item in range(4):
        await queue.put(item)
    limit = asyncio.Semaphore(2)
    lock = asyncio.Lock()
    ready = asyncio.Event()
    cond = asyncio.Condition()
    jobs = [asyncio.create_task(download(limit), name=f"d{i}") for i in range(3)]
    jobs += [asyncio.create_task(worker(lock), name=f"w{i}") for i in range(2)]
    jobs += [asyncio.create_task(waiter(ready, cond), name=f"e{i}") for i in range(2)]
    barrier = asyncio.Barrier(2)
    jobs += [asyncio.create_task(meet(barrier), name=f"b{i}") for i in range(2)]
    await asyncio.sleep(0)
    ready.set()
    await asyncio.sleep(0)
    ready.clear()
    async with cond:
        cond.notify_all()
    await asyncio.gather(c, *jobs)


asyncio.run(main())
`,
  /** A lock-order deadlock: each task holds one lock and waits for the other's. */
  lockOrder: `import asyncio


async def transfer(first, second):
    async with first:
        await asyncio.sleep(0)
        async with second:
            print("done")


async def main():
    a = asyncio.Lock()
    b = asyncio.Lock()
    await asyncio.gather(asyncio.create_task(transfer(a, b), name="t1"),
                         asyncio.create_task(transfer(b, a), name="t2"))


asyncio.run(main())
`,
  /** A deadlock with no cycle: tasks wait on an Event nobody sets. */
  eventNobodySets: `import asyncio


async def waiter(ready):
    await ready.wait()


async def main():
    ready = asyncio.Event()
    await asyncio.gather(waiter(ready), waiter(ready))


asyncio.run(main())
`,
  /** A CPU-heavy step: 12,000 rounds of a one-line loop without an await while another task waits. */
  cpuHeavy: `import asyncio


async def ticker():
    await asyncio.sleep(0.1)
    print("tick")


async def main():
    t = asyncio.create_task(ticker())
    await asyncio.sleep(0)
    total = sum(i * i for i in range(12000))
    print(total)
    await t


asyncio.run(main())
`,
};
