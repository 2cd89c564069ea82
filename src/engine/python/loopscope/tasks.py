"""VTask: the C asyncio.Task, given a per-run number and a voice when it is cancelled.

Subclassing keeps the C implementation (speed, current_task()) and is enough: the C Task
schedules its steps through loop.call_soon and asyncio cancels tasks through task.cancel(),
both by ordinary method lookup, so the loop and this class see everything."""
import asyncio
import sys
from types import CoroutineType

from .asyncio_internals import CANCEL_VIA, HANDLE_RUN_CODE, TASK_TYPES, get_running_loop_or_none
from .describe import ASYNCIO_DIR



# Tasks whose cancel() is running now: Task.cancel() passes the cancellation down to the
# future the task awaits, so a cancel inside another cancel was caused by that one.
_cancelling = []


# The run in progress, while it runs (set by event_loops.RunLoops): asyncio.Task(coro) the
# program calls directly, with none of the loop's arguments, belongs to it.
RUN = [None]


class VTask(asyncio.Task):
    """Also asyncio.Task for the program while it runs (event_loops.RunLoops): a task it makes
    directly, asyncio.Task(coro), is numbered and named like create_task's, as CPython's share
    one "Task-N" counter."""

    def __init__(self, coro, *, loop=None, name=None, loopscope_run=None, loopscope_frame=None,
                 **kwargs):
        run = loopscope_run or RUN[0]
        if loop is None:
            loop = get_running_loop_or_none()
        if run is None or loop is None:
            # No loop running: C's Task asks the policy (in 3.14, RuntimeError: no current
            # event loop), and its error or warning names the program's line, not this one.
            super().__init__(coro, loop=loop, name=name, **kwargs)
            return
        if loopscope_frame is None:
            loopscope_frame = sys._getframe(1)
        if name is None:
            # The C Task's "Task-N" counter never resets between runs: number per run, as a
            # fresh CPython process would (one counter for create_task and Task()).
            run.task_names += 1
            name = f"Task-{run.task_names}"
        # Before super().__init__: the C Task schedules its first step from there (or, started
        # eagerly, runs it), and the trace must meet the task, with its number, before that.
        self._loopscope_id = run.next_task_id()
        self._loopscope_run = run
        # Not a coroutine: super() raises TypeError and there is no task to record.
        recording = run.recording() and (type(coro) is CoroutineType or asyncio.iscoroutine(coro))
        if recording:
            run.recorder.task_created(self._loopscope_id, str(name), coro,
                                      getattr(loop, "current_task_", None), loopscope_frame)
        if not (recording and kwargs.get("eager_start") and loop.is_running()):
            super().__init__(coro, loop=loop, name=name, **kwargs)
            if self._source_traceback:
                _trim_source_traceback(self._source_traceback)
            return
        # Started eagerly (eager_task_factory, eager_start=True): the first step runs now, inside
        # the creator's step, as this task; it ends like any step (suspend, yield or done).
        creator, loop.current_task_ = getattr(loop, "current_task_", None), self
        try:
            super().__init__(coro, loop=loop, name=name, **kwargs)
        finally:
            loop.current_task_ = creator
        if self._source_traceback:
            _trim_source_traceback(self._source_traceback)
        if run.recording():
            run.recorder.step_finished(self)

    def __hash__(self):
        # TaskGroup, asyncio.wait and all_tasks() keep tasks in sets: with the default
        # id()-based hash, their order (and so the order of cancellations) would change
        # from run to run. Creation order makes every run the same.
        return self._loopscope_id

    def __eq__(self, other):
        return self is other

    def cancel(self, msg=None):
        run = self._loopscope_run
        # Every cancel counts, done or not: a waiter future of a Semaphore's line can be done out
        # of turn only this way, which objects_semaphore.listed_waiting relies on.
        run.cancels += 1
        if run.ended is not None:
            # asyncio.run's cleanup after a limit cancels every task left, 100,000 for some
            # programs: seconds with no event, so tell the host's watchdog Python is working.
            run.heartbeat()
        elif not self.done() and run.recording():
            via, line, cause = self._who_asked(sys._getframe(1), run)
            run.recorder.cancel_requested(self, msg, via, run.current_task(), line, cause)
        _cancelling.append(self)
        try:
            return super().cancel(msg)
        finally:
            _cancelling.pop()

    def uncancel(self):
        run = self._loopscope_run
        if run.recording() and self.cancelling() > 0:
            frame = sys._getframe(1)
            code = frame.f_code
            via = "cancel()" if code.co_filename == run.filename else \
                CANCEL_VIA.get(code.co_qualname, "loop")
            if via == "timeout" and getattr(frame.f_locals.get("self"), "_loopscope_wait_for", False):
                via = "wait_for"
            run.recorder.uncancelled(self, via)
        return super().uncancel()

    @staticmethod
    def _who_asked(frame, run):
        """(via, learner's line, cause) for a cancel() called from `frame`."""
        code = frame.f_code
        line = run.caller_line(frame)
        if code.co_filename == run.filename or code is HANDLE_RUN_CODE:
            # The learner's cancel(), called by their code or scheduled as a callback
            # (loop.call_soon(task.cancel)).
            via = "cancel()"
        else:
            via = CANCEL_VIA.get(code.co_qualname, "loop")
            if via == "timeout" and getattr(frame.f_locals.get("self"), "_loopscope_wait_for", False):
                via = "wait_for"
        cause = None
        if _cancelling and via in ("gather", "loop", "cancel()"):
            # Passed down from the cancellation of a task awaiting this one.
            outer = _cancelling[-1]
            cause = outer
            if via != "gather":
                via = "awaiter"
        elif via == "TaskGroup":
            handle = run.current_handle()
            if handle is not None:
                failed = [a for a in handle._args if isinstance(a, TASK_TYPES)]
                if failed:
                    cause = failed[0]       # the child whose failure aborted the group
        return via, line, cause


_ENGINE_DIR = __file__.rsplit("/", 1)[0] + "/"


def _trim_source_traceback(frames):
    """Debug mode's "created at": where the program (or asyncio) asked for the task, as CPython
    shows it. The engine's own frames (the task factory, this __init__) are dropped, and so is
    BaseEventLoop.create_task's, which asyncio itself drops when no task factory is set."""
    while frames and frames[-1].filename.startswith(_ENGINE_DIR):
        del frames[-1]
    if frames and frames[-1].name == "create_task" and frames[-1].filename.startswith(ASYNCIO_DIR):
        del frames[-1]


# repr(task) and asyncio's messages say "<Task pending name=...>": keep CPython's words, also
# for its methods (loop.call_soon(task.cancel) is shown as a callback named Task.cancel).
VTask.__name__ = VTask.__qualname__ = "Task"
for _method in (VTask.cancel, VTask.uncancel):
    _method.__qualname__ = "Task." + _method.__name__
