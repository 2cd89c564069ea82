"""The LoopMisuse of an exception end (src/protocol/trace.ts): the program misused the event loop
and asyncio said so with a RuntimeError. Told by the function that raised it, never by its text:
asyncio.run / Runner.run refuse to start inside a running loop, BaseEventLoop._check_closed
refuses a closed loop, asyncio.create_task finds no running loop (get_running_loop is C, so
create_task is the innermost Python frame)."""
from asyncio import base_events, runners, tasks

_MISUSE_BY_CODE = {
    runners.run.__code__: "run-in-running-loop",
    runners.Runner.run.__code__: "run-in-running-loop",
    base_events.BaseEventLoop._check_closed.__code__: "closed-loop",
    tasks.create_task.__code__: "no-running-loop",
}


def loop_misuse(exc):
    """"run-in-running-loop", "closed-loop", "no-running-loop" or None for the run's exception."""
    if not isinstance(exc, RuntimeError):
        return None
    tb = exc.__traceback__
    last = None
    while tb is not None:
        last, tb = tb, tb.tb_next
    return None if last is None else _MISUSE_BY_CODE.get(last.tb_frame.f_code)
