"""A Semaphore's (or BoundedSemaphore's) 'objstate' after a step, read and written in one pass.

The generic way (objects.py: a signature, then the state as a dict from objects_locks, then a
field-by-field diff) costs a recorded run most of its time when 1,000 tasks share one
Semaphore(50): its state changes at almost every step. This gives the same text, byte for byte,
with less work:
- the most common change, a task joining the back of a line whose first LINE_LIMIT waiters are
  all listed already, only moves the count past them (`wn`): when the head of the deque is the
  very futures the last read kept (compared in C) and none of the listed ones is done, that is
  the only field written, with no read of the line and no diff;
- the next two, the first woken task leaving the front and a release waking the next waiter,
  are read from the last read too (_quick_read); anything else is read again (objects_lines);
- the holders follow as objects_locks._semaphore_state has them, and the fields are compared
  one by one, in C, with no dict walked and no call for the ones that did not change."""
from asyncio import Future
from itertools import islice

from .encode import ids, plain_value
from .objects_lines import LINE_LIMIT, line_for, read_line, woken_at_head
from .objects_locks import newly_woken

_DONE = Future.done        # asyncio's C Future's, called from map() (TypeError for others)


def semaphore_step(watch, w, task, list_change):
    """Emit the Semaphore `w`'s 'objstate' if the step (of `task`, None for a plain callback)
    changed it. `list_change` is objects.list_change (passed in: objects.py imports this)."""
    obj = w.obj
    value = obj._value
    dq = obj._waiters
    old_sig = w.sig
    line = None
    if dq:
        line = w.lines.get(id(dq))
        if line is None or line.dq is not dq:
            line = line_for(w.lines, dq)
        n = len(dq)
        head = line.head
        last = dq[-1]
        # woken_at_head's answer without the call when nothing joined, left or woke since the
        # last step (40% of them here): same length, same ends, the first not done still not.
        if n != line.n or dq[0] is not line.first or last is not line.last or \
                (head < n and dq[head].done()):
            head = woken_at_head(line, dq)
        sig = (value, (n, id(dq[0]), id(last), head))
    else:
        sig = (value, 0)
    if sig == old_sig:
        return
    w.sig = sig
    state = w.state
    if dq and old_sig is not None and old_sig[0] == value:
        old_line = old_sig[1]
        # The same first future as before (the line held it, so its id is its own), as many done
        # at the head, more futures: only joined at the back, unless a listed one left or woke.
        if old_line != 0 and n > old_line[0] and old_line[1] == sig[1][1] and old_line[3] == head:
            futs = line.futs
            if futs and line.read_head == head and len(futs) == head + LINE_LIMIT:
                try:
                    same = list(islice(dq, len(futs))) == futs and \
                        listed_waiting(line, futs, head, watch.run)
                except (AttributeError, TypeError):   # not asyncio's futures: the read below decides
                    same = False
                if same:
                    wn = n - len(futs)
                    if wn != state["wn"]:
                        state["wn"] = wn
                        watch.run.recorder.emit('{"e":"objstate","o":%d,"wn":%d}' % (w.oid, wn))
                    return
    _read_and_write(watch, w, task, value, dq, line, state, list_change)


def _read_and_write(watch, w, task, value, dq, line, old, list_change):
    """objects_locks._semaphore_state and ObjectWatch._changed in one, for a Semaphore; `line`
    is the WaiterLine of `dq` when it is not empty."""
    current = None
    if task is not None:
        try:
            current = task._loopscope_id
        except AttributeError:
            current = watch.run.recorder.task_id(task)
    if dq:
        read = _quick_read(line, dq, watch.waiter_task, watch.run)
        waiting, woken, total = read if read is not None else read_line(line, dq, watch.waiter_task)
    else:
        if dq is not None:
            line_for(w.lines, dq).futs = []
        waiting, woken, total = [], [], 0
    holders = w.holders
    was_woken = old["woke"]
    granted = newly_woken(was_woken, woken) if woken else []
    # The value moves by releases, minus the step's own acquisitions, minus the permits handed
    # to the waiters it woke: what is left is this step's own takes (> 0) and gives (< 0).
    taken = old["v"] - value - len(granted)
    if granted:
        holders.extend(granted)
    if taken > 0:
        if current is not None:
            holders.extend([current] * taken)
    else:
        for _ in range(-taken):
            if current in holders:
                holders.remove(current)
            elif holders:
                holders.pop(0)
    hold = list(holders)
    parts = []
    if value != old["v"]:
        parts.append('"v":%d' % value)
    # Most fields did not change: compared here, in C, before any call.
    before = old["hold"]
    if hold != before:
        _list_part(parts, '"hold":', before, hold, list_change)
    before = old["wait"]
    if waiting != before:
        _list_part(parts, '"wait":', before, waiting, list_change)
    if total != old["wn"]:
        parts.append('"wn":%d' % total)
    if woken != was_woken:
        _list_part(parts, '"woke":', was_woken, woken, list_change)
    w.state = {"v": value, "hold": hold, "wait": waiting, "wn": total, "woke": woken}
    if parts:
        watch.run.recorder.emit('{"e":"objstate","o":%d,%s}' % (w.oid, ",".join(parts)))


def _list_part(parts, key, before, now, list_change):
    """The field `key` (its JSON name and colon) of a list of task ids, when it changed:
    plain_value(list_change(before, now)) with no dict made and no types checked for the
    changes a step makes most (joined at the back, some left at the front, then some joined).
    Called only when they differ."""
    n_old, n_new = len(before), len(now)
    if n_new <= 4 or n_old == 0:
        parts.append(key + _ids(now))
        return
    if n_new > n_old and now[:n_old] == before:
        parts.append(key + '{"a":' + _ids(now[n_old:]) + "}")
        return
    for dropped in (1, 2):
        kept = n_old - dropped
        if kept <= n_new and before[dropped:] == now[:kept]:
            if n_new > kept:
                parts.append(key + '{"d":%d,"a":%s}' % (dropped, _ids(now[kept:])))
            else:
                parts.append(key + '{"d":%d}' % dropped)
            return
    parts.append(key + plain_value(list_change(before, now)))


def _ids(tids):
    """A list of task ids as JSON (plain_value's text for a list of ints)."""
    return ids(tids)


def listed_waiting(line, futs, head, run):
    """Whether none of the listed waiters, futs[head:], is done. asyncio wakes a Semaphore's
    waiters in FIFO order (_wake_up_next: the first not done), so while the line's head is the
    one read (`futs` is the deque's front) a waiter can be done out of turn only by a cancel:
    with no VTask.cancel() since the last time all were seen waiting (and no task of another
    class, whose cancel is not counted), the first listed one says it for all. Else each is
    asked, in C (32 calls: most of a recorded step's cost before)."""
    cancels = run.cancels
    if line.cancels == cancels and not run.foreign_tasks:
        return not futs[head].done()
    if True in map(_DONE, islice(futs, head, None)):
        return False
    line.cancels = cancels
    return True


def _quick_read(line, dq, tasks, run):
    """read_line's answer for the two changes a step makes most often to a line whose first
    LINE_LIMIT waiters were all listed (line.futs: the done head, then those), without reading
    it again; None for anything else. The head is the line's count of done futures at the front,
    just taken by the signature (woken_at_head).
    - the first woken task ran (it took its future out of the deque): the line is the old one
      less its first future;
    - a release woke the next waiter: the old futures, one more of them done, and the next
      waiter behind them comes into the listed ones.
    Futures past the listed ones count only by number; the listed ones must all be still waiting."""
    futs = line.futs
    m = len(futs)
    read_head = line.read_head
    if not futs or m != read_head + LINE_LIMIT:
        return None
    head = line.head
    tids = line.tids
    try:
        if head == read_head - 1 and tids[0] is not None and dq[0] is futs[1]:
            if list(islice(dq, m - 1)) != futs[1:] or not listed_waiting(line, futs, read_head, run):
                return None
            tids = tids[1:]
            line.futs, line.tids, line.read_head = futs[1:], tids, head
        elif head == read_head + 1 and dq[0] is futs[0]:
            cur = list(islice(dq, m + 1))
            if cur[:m] != futs or not listed_waiting(line, futs, head, run):
                return None
            tids = tids + [tasks[id(cur[m])]] if len(cur) > m else list(tids)
            if len(cur) > m and cur[m].done():
                return None
            if futs[read_head].cancelled():
                tids[read_head] = None
                line.gone += 1
            line.futs, line.tids, line.read_head = cur, tids, head
        else:
            return None
    except (AttributeError, TypeError, KeyError):     # a stranger's future: read it all
        return None
    waiting = tids[head:head + LINE_LIMIT]
    woken = tids[:head]
    if line.gone:
        woken = [t for t in woken if t is not None]
    return waiting, woken, len(dq) - head - len(waiting)
