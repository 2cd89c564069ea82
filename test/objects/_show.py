# The observer put before every body (programs.ts, make-programs.sh: each program runs alone in
# CPython): it prints each object's state from CPython's own internals, one line per object, in the words
# test/objects/objects.test.ts formats Loopscope's derived state in.
import asyncio


def _line(dq):
    owners = {id(t._fut_waiter): t.get_name() for t in asyncio.all_tasks()
              if t._fut_waiter is not None}
    futures = list(dq or ())
    wait = [owners.get(id(f), "?") for f in futures if not f.done()]
    return ",".join(wait)


_T0 = [0.0]


def start_clock():
    """The loop's time when main starts: deadlines print relative to it (CPython's clock is real)."""
    _T0[0] = asyncio.get_running_loop().time()


def _names(tasks):
    return ",".join(sorted(t.get_name() for t in tasks))


def _outcome(fut):
    if fut._state != "FINISHED":
        return f"state={fut._state}"
    if fut._exception is not None:
        return f"state=FINISHED exc={type(fut._exception).__name__}: {fut._exception}"
    return f"state=FINISHED result={fut._result!r}"


def _awaiters(fut):
    """The tasks awaiting a future: their wakeups among its callbacks, in the order it calls them."""
    return ",".join(cb.__self__.get_name() for cb, _ in (fut._callbacks or ())
                    if isinstance(getattr(cb, "__self__", None), asyncio.Task))


def show(name, obj):
    kind = type(obj).__name__
    if kind == "Future":
        print(f"@ {name} Future {_outcome(obj)} wait={_awaiters(obj)}")
        return
    if kind == "_GatheringFuture":
        done = sum(c.done() for c in obj._children)
        print(f"@ {name} gather {_outcome(obj)} done={done}/{len(obj._children)} wait={_awaiters(obj)}")
        return
    if kind == "TaskGroup":
        # Python 3.14 clears _parent_task when __aexit__ is over (3.13 keeps it): said until then.
        exited = obj._exiting and not obj._tasks and obj._on_completed_fut is None
        parent = obj._parent_task.get_name() if obj._parent_task is not None and not exited else "-"
        print(f"@ {name} TaskGroup entered={obj._entered} exiting={obj._exiting}"
              f" aborting={obj._aborting} tasks={_names(obj._tasks)} parent={parent}")
        return
    if kind == "Timeout":
        when = "None" if obj._when is None else f"{obj._when - _T0[0]:.1f}"
        task = obj._task.get_name() if obj._task is not None else "-"
        print(f"@ {name} timeout state={obj._state.value} when={when} task={task}")
        return
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


def show_done(name, obj, total):
    """How many children of a gather (or of a TaskGroup that made `total`) are done, over all of
    them: a gather's by c.done(), a TaskGroup's as `total` less those still in its _tasks."""
    if type(obj).__name__ == "_GatheringFuture":
        print(f"@ {name} done={sum(c.done() for c in obj._children)}/{len(obj._children)}")
    else:
        print(f"@ {name} done={total - len(obj._tasks)}/{total}")


def show_callbacks(name, fut):
    """A Future's state and its done callbacks other than its awaiters' wakeups, by name."""
    names = [getattr(cb, "__qualname__", type(cb).__name__) for cb, _ in (fut._callbacks or ())
             if not isinstance(getattr(cb, "__self__", None), asyncio.Task)]
    print(f"@ {name} Future {_outcome(fut)} callbacks={','.join(names)}")


def show_line(name, sem):
    """A Semaphore's line as the trace keeps it when it is long: the first 32 waiting tasks by
    name, how many futures stand behind the 32nd, and the woken ones (done, not cancelled, their
    task not yet run) before it."""
    owners = {id(t._fut_waiter): t.get_name() for t in asyncio.all_tasks()
              if t._fut_waiter is not None}
    futures = list(sem._waiters or ())
    wait, woke, seen = [], [], 0
    for f in futures:
        if len(wait) == 32:
            break
        seen += 1
        if not f.done():
            wait.append(owners.get(id(f), "?"))
        elif not f.cancelled():
            woke.append(owners.get(id(f), "?"))
    print(f"@ {name} {type(sem).__name__} v={sem._value} wait={','.join(wait)}"
          f" more={len(futures) - seen} woke={','.join(woke)}")
