"""VirtualLoop: asyncio's own BaseEventLoop, with a virtual clock instead of a selector.

Only the parts that touch time or threads are replaced: `time()`, the wait in `_run_once`
(when nothing is ready the clock jumps to the earliest timer instead of sleeping), and
`run_in_executor` (no threads in the browser: the function runs on a simulated worker whose
time.sleep() calls add up, and its result arrives at that virtual time). Everything else —
Task, Future, Queue, Lock, TaskGroup, timeouts — is CPython's real asyncio."""
import heapq
import sys
from asyncio import Timeout, base_events, eager_task_factory, events

from . import describe as d
from .asyncio_internals import TASK_TYPES, WAIT_FOR_QUALNAME, asyncio_logger, format_handle
from .clock import ExecutorJob
from .limits import RunEnded, timer_past_clock_end
from .sandbox import network_refused, processes_refused


# Every handle the loop makes carries its number and, when it is a task's own step or wakeup,
# that task and which of the two (describe.task_callback), worked out once when scheduled.
_SLOTS = ("_loopscope_id", "_loopscope_task", "_loopscope_kind")


class Handle(events.Handle):
    __slots__ = _SLOTS

    def cancel(self):
        # asyncio tells the loop about cancelled timers only; the trace wants every handle.
        if not self._cancelled:
            rec = self._loop._rec
            if rec is not None:
                rec.unscheduled(self)
        super().cancel()


class TimerHandle(events.TimerHandle):
    """Timers with equal deadlines fire in the order they were scheduled.

    With a virtual clock many timers share one deadline exactly, TimerHandle compares only
    `_when` and heapq is not stable; with real time the later-scheduled timer is always a
    little later, so (when, scheduling order) is what CPython really does."""

    __slots__ = _SLOTS

    def __lt__(self, other):
        return (self._when, self._loopscope_id) < (other._when, other._loopscope_id)

    def __le__(self, other):
        return (self._when, self._loopscope_id) <= (other._when, other._loopscope_id)

    def __gt__(self, other):
        return (self._when, self._loopscope_id) > (other._when, other._loopscope_id)

    def __ge__(self, other):
        return (self._when, self._loopscope_id) >= (other._when, other._loopscope_id)

    __hash__ = events.TimerHandle.__hash__


def _resolve_executor_future(future, result, error):
    if future.cancelled():
        return
    if error is not None:
        future.set_exception(error)
    else:
        future.set_result(result)


def _replay_worker_print(stream, text):
    stream.write(text)


class VirtualLoop(base_events.BaseEventLoop):
    def __init__(self, run):
        super().__init__()
        self._run_state = run
        self._clock = run.clock
        self._rec = run.recorder if run.record else None
        self.current_task_ = None
        self.set_task_factory(None)
        run.loop_opened(self)

    # ------------------------------------------------------------------ the clock
    def time(self):
        return self._clock.now

    def _process_events(self, event_list):
        pass

    def _write_to_self(self):
        pass

    # ------------------------------------------------------------------ scheduling
    def _call_soon(self, callback, args, context):
        handle = Handle(callback, args, self, context)
        run = self._run_state
        run.handle_count = handle._loopscope_id = run.handle_count + 1     # next_handle_id()
        handle._loopscope_task, handle._loopscope_kind = d.task_callback(callback)
        self._ready.append(handle)
        if self._rec is not None:
            self._rec.scheduled(handle, None, self.current_task_)
        return handle

    def call_at(self, when, callback, *args, context=None):
        if when is None:
            raise TypeError("when cannot be None")
        self._check_closed()
        owner = getattr(callback, "__self__", None)
        if isinstance(owner, Timeout) and _called_from_wait_for(sys._getframe(1)):
            owner._loopscope_wait_for = True
        handle = TimerHandle(when, callback, args, self, context)
        handle._loopscope_id = self._run_state.next_handle_id()
        handle._loopscope_task, handle._loopscope_kind = d.task_callback(callback)
        heapq.heappush(self._scheduled, handle)
        handle._scheduled = True
        if self._rec is not None:
            self._rec.scheduled(handle, when, self.current_task_)
        return handle

    def call_soon_threadsafe(self, callback, *args, context=None):
        # There is one thread: the base version's _ThreadSafeHandle is not needed.
        self._check_closed()
        return self._call_soon(callback, args, context)

    def _timer_handle_cancelled(self, handle):
        if self._rec is not None and handle._scheduled:
            self._rec.unscheduled(handle)
        super()._timer_handle_cancelled(handle)

    # ------------------------------------------------------------------ tasks
    def set_task_factory(self, factory):
        """Tasks are the run's own (VTask) for no factory and for asyncio.eager_task_factory
        (which is Task(..., eager_start=True)); any other factory makes its own tasks, which the
        recorder adopts when it meets them. get_task_factory() answers what the program set."""
        own = factory
        if factory is None:
            own = self._make_task
        elif factory is eager_task_factory:
            own = self._make_eager_task
        super().set_task_factory(own)         # raises TypeError for what is not callable
        self._program_task_factory = factory

    def get_task_factory(self):
        return self._program_task_factory

    def _make_task(self, loop, coro, *, name=None, **kwargs):
        run = self._run_state
        # name=None: the task class names it "Task-N", from the run's own counter (tasks.py).
        return run.task_class(coro, loop=loop, name=name, loopscope_run=run,
                              loopscope_frame=sys._getframe(1), **kwargs)

    def _make_eager_task(self, loop, coro, *, eager_start=True, **kwargs):
        return self._make_task(loop, coro, eager_start=eager_start, **kwargs)

    # ------------------------------------------------------------------ one iteration
    def _run_once(self):
        run = self._run_state
        rec = self._rec
        scheduled = self._scheduled
        clock = self._clock
        # Drop cancelled timers from the top of the heap (as BaseEventLoop does).
        while scheduled and scheduled[0]._cancelled:
            self._timer_cancelled_count -= 1
            heapq.heappop(scheduled)._scheduled = False
        if not self._ready and not self._stopping:
            if scheduled:
                when = scheduled[0]._when
                if when > clock.now:
                    # The virtual select(): jump to the earliest timer instead of waiting.
                    if when > run.limits.max_virtual_time:
                        raise run.end_run(timer_past_clock_end(run.limits, when))
                    clock.now = when
            else:
                raise run.end_run(run.deadlock_end(self))
        end_time = clock.now + self._clock_resolution
        due = None
        while scheduled and scheduled[0]._when < end_time:
            handle = heapq.heappop(scheduled)
            handle._scheduled = False
            self._ready.append(handle)
            if rec is not None:
                if due is None:
                    due = []
                due.append(handle._loopscope_id)
        run.iterations += 1
        if rec is not None and rec.enabled:
            rec.iteration(run.iterations, clock.now, due)
        ready = self._ready
        for _ in range(len(ready)):
            handle = ready.popleft()
            if handle._cancelled:
                if rec is not None and rec.enabled:
                    rec.skipped(handle)
                continue
            run.begin_step(self, handle)
            self._current_handle = handle
            try:
                if self._debug:
                    self._run_timed(handle)
                else:
                    handle._run()
            finally:
                self._current_handle = None
                run.end_step(self, handle)

    def _run_timed(self, handle):
        """Debug mode (asyncio.run(debug=True), loop.set_debug(True)): a step that held the loop
        for slow_callback_duration or more is logged as BaseEventLoop._run_once logs it, in
        virtual seconds (time.sleep in the step is what moves the clock)."""
        t0 = self._clock.now
        handle._run()
        dt = self._clock.now - t0
        if dt >= self.slow_callback_duration:
            asyncio_logger.warning("Executing %s took %.3f seconds", format_handle(handle), dt)

    # ------------------------------------------------------------------ threads, simulated
    def run_in_executor(self, executor, func, *args):
        self._check_closed()
        run = self._run_state
        clock = self._clock
        future = self.create_future()
        name = d.callable_name(func)
        job = ExecutorJob(clock.now)
        outer, clock.job = clock.job, job
        run.job_depth += 1
        rounds_before = run.busy
        result = error = None
        try:
            result = func(*args)
        except (RunEnded, SystemExit):
            raise
        except BaseException as exc:  # the function's exception goes to whoever awaits
            error = exc
        finally:
            clock.job = outer
            run.job_depth -= 1
            if not run.job_depth:   # the job's loop rounds are the worker's CPU, not the step's
                run.job_rounds += run.busy - rounds_before
        task = self.current_task_
        if self._rec is not None and task is not None:
            task._loopscope_executor = (future, name)
        for at, fd, text in job.prints:
            stream = sys.stdout if fd == "out" else sys.stderr
            self.call_at(at, _replay_worker_print, stream, text)
        _resolve = _make_worker_callback(name)
        handle = self.call_at(job.start + job.elapsed, _resolve, future, result, error)
        if self._rec is not None:
            self._rec.worker(name, job.start, job.elapsed, handle._loopscope_id)
        return future

    # ------------------------------------------------------------------ no network
    async def _no_network(self, *args, **kwargs):
        raise network_refused()

    create_connection = create_server = create_datagram_endpoint = _no_network
    create_unix_connection = create_unix_server = getaddrinfo = getnameinfo = _no_network
    sock_connect = sock_accept = sock_recv = sock_sendall = sock_sendto = _no_network
    connect_accepted_socket = sendfile = start_tls = _no_network

    async def subprocess_exec(self, *args, **kwargs):
        raise processes_refused()

    subprocess_shell = subprocess_exec

    # ------------------------------------------------------------------ errors and warnings
    def call_exception_handler(self, context):
        run = self._run_state
        if run.ended is not None:
            return
        if self._rec is not None:
            message = context.get("message", "")
            kind = "callback-error"
            if "never retrieved" in message:
                kind = "never-retrieved"
            elif "destroyed but it is pending" in message:
                kind = "pending-destroyed"
            task = context.get("task") or context.get("future")
            exc = context.get("exception")
            text = message + (f": {type(exc).__name__}: {exc}" if exc is not None else "")
            self._rec.warning(kind, text, task if isinstance(task, TASK_TYPES) else None)
        super().call_exception_handler(context)

    def close(self):
        super().close()
        self._run_state.loop_closed(self)


# repr(loop) and type(loop).__name__ read as CPython's default loop on Linux.
VirtualLoop.__name__ = VirtualLoop.__qualname__ = "_UnixSelectorEventLoop"


def _make_worker_callback(name):
    def resolve(future, result, error):
        _resolve_executor_future(future, result, error)
    resolve._loopscope_worker = name
    return resolve


def _called_from_wait_for(frame):
    for _ in range(4):
        if frame is None:
            return False
        code = frame.f_code
        if code.co_qualname == WAIT_FOR_QUALNAME and code.co_filename.startswith(d.ASYNCIO_DIR):
            return True
        frame = frame.f_back
    return False
