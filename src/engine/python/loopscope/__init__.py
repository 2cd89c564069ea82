"""Loopscope's engine: run a learner's asyncio program under real CPython asyncio, with only the
event loop replaced by an instrumented, virtual-time loop that records a trace.

Entry point: `loopscope.run.run_program(source, options_json) -> str` (JSON, see
src/protocol/trace.ts for the format).

The modules, in the order a run meets them:
- asyncio_internals: every private name of asyncio (and Pyodide) the engine reads, checked at boot
- run: run_program: the stage for one run, the exec, the trace's JSON
- run_state: Run, what one run shares across its loops; its step bookkeeping and every limit check
- event_loops: the run's new_event_loop / get_event_loop / set_event_loop (no policy API)
- loop: VirtualLoop, asyncio's BaseEventLoop with a virtual clock and simulated worker threads
- tasks: VTask, the C Task numbered per run, which says who cancelled it
- recorder: trace events as JSON text; describe: names of callbacks, frames, arguments
- lines: the learner's lines (sys.monitoring), and the busy-loop count
- clock, output, sandbox: virtual time; stdout/stderr; what the program may not touch
- limits: the limits and the LimitEnd facts; errors and hints: the exception end and its RunHint
- encode: JSON text written directly"""
