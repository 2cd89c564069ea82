"""Loopscope's engine: run a learner's asyncio program under real CPython asyncio, with only the
event loop replaced by an instrumented, virtual-time loop that records a trace.

Entry point: `loopscope.run.run_program(source, options_json) -> str` (JSON, see
src/protocol/trace.ts for the format)."""
