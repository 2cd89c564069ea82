# The observer every program here pastes in (each program must run alone in CPython): it prints
# each object's state from CPython's own internals, one line per object, in the words
# test/objects/objects.test.ts formats Loopscope's derived state in.
import asyncio


def _line(dq):
    owners = {id(t._fut_waiter): t.get_name() for t in asyncio.all_tasks()
              if t._fut_waiter is not None}
    futures = list(dq or ())
    wait = [owners.get(id(f), "?") for f in futures if not f.done()]
    return ",".join(wait)


def show(name, obj):
    kind = type(obj).__name__
    if kind == "Lock":
        state = f"locked={obj._locked}"
        line = _line(obj._waiters)
    elif kind in ("Semaphore", "BoundedSemaphore"):
        state = f"v={obj._value}"
        line = _line(obj._waiters)
    elif kind == "Event":
        state = f"set={obj._value}"
        line = _line(obj._waiters)
    elif kind == "Condition":
        state = f"locked={obj._lock._locked}"
        line = _line(obj._waiters)
    elif kind == "Barrier":
        state = f"n={obj._count} phase={obj._state.value}"
        line = _line(obj._cond._waiters)
    else:
        items = list(obj._queue)
        if kind == "PriorityQueue":
            items = sorted(items)
        elif kind == "LifoQueue":
            items.reverse()
        state = (f"items=[{'|'.join(repr(i) for i in items)}] unf={obj._unfinished_tasks}"
                 f" put={_line(obj._putters)} join={_line(obj._finished._waiters)}")
        line = _line(obj._getters)
    print(f"@ {name} {kind} {state} wait={line}")


# A woken waiter is cancelled before it runs: CPython hands its permit to the next one.
async def job(n, sem):
    try:
        async with sem:
            print("acquired", f"j{n}")
            await asyncio.sleep(0)
    except asyncio.CancelledError:
        print("cancelled", f"j{n}")


async def watch(sem, rounds):
    for _ in range(rounds):
        show("sem", sem)
        await asyncio.sleep(0)


async def main():
    sem = asyncio.BoundedSemaphore(1)
    watcher = asyncio.create_task(watch(sem, 10), name="watch")
    tasks = [asyncio.create_task(job(n, sem), name=f"j{n}") for n in range(4)]
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    tasks[2].cancel()
    await asyncio.gather(*tasks)
    await watcher


asyncio.run(main())
