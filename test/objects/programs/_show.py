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
