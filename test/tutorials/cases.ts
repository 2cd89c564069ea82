/**
 * How each tutorial-style program (test/tutorials/README.md) runs on Loopscope: as Python 3.14
 * runs it, or "as Python 3.13 would" (`compat: '3.13'`); and, where 3.14 refuses it, the hint the
 * run must carry. With `compat`, the output must be what CPython 3.13 printed; without, it must
 * be too, unless `differs314` says why 3.14 prints something else (then the end and the hint are
 * checked instead).
 */
import type { RunHint } from '../../src/protocol/trace';

export interface TutorialCase {
  readonly file: string;
  /** What the program shows a learner. */
  readonly what: string;
  /** Run it with Python 3.13's behaviour: the only way its output is the tutorial's. */
  readonly compat?: '3.13';
  /** The hint a run as Python 3.14 must carry (it fails there). */
  readonly hint314?: RunHint;
}

const GET_EVENT_LOOP: RunHint = { k: 'removed-api', api: 'get_event_loop', version: '3.14' };

export const TUTORIAL_CASES: readonly TutorialCase[] = [
  { file: 't01_get_event_loop_basic.py', what: 'get_event_loop, run_until_complete, close', compat: '3.13', hint314: GET_EVENT_LOOP },
  { file: 't02_get_event_loop_chain.py', what: 'a coroutine awaiting two others, old-style loop', compat: '3.13', hint314: GET_EVENT_LOOP },
  { file: 't03_call_soon_later.py', what: 'call_soon / call_later with the loop passed in', compat: '3.13', hint314: GET_EVENT_LOOP },
  { file: 't04_create_task_wait.py', what: 'loop.create_task and asyncio.wait', compat: '3.13', hint314: GET_EVENT_LOOP },
  { file: 't05_run_forever_stop.py', what: 'run_forever stopped by call_later(loop.stop)', compat: '3.13', hint314: GET_EVENT_LOOP },
  { file: 't06_strftime_stamps.py', what: 'time.strftime stamps over three concurrent tasks' },
  { file: 't07_datetime_now.py', what: 'datetime.now, datetime.today, time.ctime, time.localtime, time.gmtime' },
  { file: 't08_debug_slow_step.py', what: 'debug mode logs a step that blocked for 0.2 s' },
  { file: 't09_set_debug_old.py', what: 'loop.set_debug(True) on an old-style loop', compat: '3.13', hint314: GET_EVENT_LOOP },
  { file: 't10_wait_bare_coroutines.py', what: 'coroutines passed to asyncio.wait (refused since 3.11)', hint314: { k: 'removed-api', api: 'wait-coroutines', version: '3.11' } },
  { file: 't11_coroutine_decorator.py', what: '@asyncio.coroutine (removed in 3.11)', hint314: { k: 'removed-api', api: 'coroutine-decorator', version: '3.11' } },
  { file: 't12_loop_argument.py', what: 'loop= passed to asyncio.sleep (removed in 3.10)', hint314: { k: 'removed-api', api: 'loop-argument', version: '3.10' } },
  { file: 't13_never_awaited.py', what: 'a coroutine called without await' },
  { file: 't14_main_module.py', what: 'the program is __main__: pickle and unittest.main' },
  { file: 't15_raw_stdout.py', what: 'sys.__stdout__ and os.write(1, ...) reach the console' },
  { file: 't16_own_loops.py', what: 'loops the program builds: new_event_loop, SelectorEventLoop, EventLoop, loop_factory, a subclass' },
  { file: 't17_policy_api.py', what: 'the event-loop policy API and iscoroutinefunction, as 3.13 ran them (3.14 warns)', compat: '3.13', hint314: GET_EVENT_LOOP },
  { file: 't19_task_names.py', what: 'asyncio.Task(coro) made directly shares the Task-N names with create_task, as in a fresh process' },
  { file: 't20_date_today.py', what: 'date.today() and date.fromtimestamp() read the virtual clock in UTC, whatever the zone of the machine' },
  { file: 't18_future_no_loop.py', what: 'asyncio.Future() outside any loop', compat: '3.13', hint314: GET_EVENT_LOOP },
];
