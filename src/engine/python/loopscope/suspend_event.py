"""The `suspend` event of the two waits a recorded run makes most, written with no AwaitTarget
dict: a task with one frame of the learner's on its await chain, waiting on its own sleep, or on
a plain future an asyncio API made for it (Semaphore.acquire, Queue.get, Event.wait...).

Recorder.step_finished does the same through await_target() for every wait; this gives the
same text, byte for byte, for those two, and None for any other wait, which then goes the long
way. What this keeps is what depends only on where the task waits: the await chain's code
objects say which frame is the learner's and which asyncio API was called (Recorder's
chains_by_code_id), and the `on` text of a future is the same for every wait through the same chain
on the same object (1,000 tasks waiting at one `async with limit`)."""
from asyncio import Future
from operator import attrgetter

from . import describe as d
from .asyncio_internals import TASK_TYPES
from .await_chain import await_chain
from .encode import optional_id, text

_CODE = attrgetter("f_code")
_NOTHING = (None, None, None)
_SLEEP = '{"k":"sleep"}'


def suspend_event(rec, task, tid):
    """The `suspend` event's text for `task` (id `tid`) that just suspended, or None when its wait
    is not one of the two this knows (Recorder.step_finished then writes it)."""
    waiter = task._fut_waiter
    if waiter is None or type(waiter) is not Future:
        return None                      # a yield, a task, a gather, a learner's future type...
    frames = d.user_frames(task.get_coro(), rec.filename)
    # Keyed by the code objects' ids, which cost nothing to hash (a code object's hash is
    # worked out from its fields at every call); the entry keeps the code objects alive, so
    # their ids stay theirs for the run.
    codes = tuple([id(f.f_code) for f in frames])
    chain = rec.chains_by_code_id.get(codes)
    if chain is None:
        chain = await_chain(frames, rec.filename)
        rec.chains_by_code_id[codes] = chain + (tuple(map(_CODE, frames)),)
    mine_at, api_at = chain[0], chain[1]
    if len(mine_at) != 1:
        return None                      # an await stack (or none of the learner's frames)
    line = frames[mine_at[0]].f_lineno
    if getattr(task, "_loopscope_sleep", _NOTHING)[0] is waiter:
        on_text = _SLEEP
    else:
        if api_at is None or getattr(task, "_loopscope_executor", _NOTHING)[0] is waiter:
            return None                  # `await fut` of the learner's own; run_in_executor
        api_frame = frames[api_at]
        owner = api_frame.f_locals.get("self")
        key = (codes, id(owner) if owner is not None else None)
        on_text = rec.future_texts.get(key)
        if on_text is None:
            on_text = '{"k":"future","api":' + text(api_frame.f_code.co_qualname)
            if owner is not None and not isinstance(owner, TASK_TYPES):
                on_text += ',"obj":' + text(rec.label(owner))   # label() keeps it alive: its id holds
            else:
                key = None               # a task's method, or none: not kept, not cached
            on_text += "}"
            if key is not None:
                rec.future_texts[key] = on_text
        if line is not None:
            # Format 3: no `on` when the task waits on what the last future at this line was.
            if rec.future_at_line.get(line) == on_text:
                on_text = None
            else:
                rec.future_at_line[line] = on_text
    # Which task a waiter future in a Lock's or Queue's deque stands for (objects.py).
    rec.run.objects.waiter_task[id(waiter)] = tid
    if on_text is None:
        return '{"e":"suspend","task":%d,"l":%d}' % (tid, line)
    return '{"e":"suspend","task":%d,"l":%s,"on":%s}' % (tid, optional_id(line), on_text)
