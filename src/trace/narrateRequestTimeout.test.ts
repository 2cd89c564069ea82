/** Narration of a deadline that cancels a task's wait for a simulated request (issue 10). */
import { describe, expect, it } from 'vitest';
import type { Lang } from '../i18n/lang';
import { narrationText } from '../i18n/narration';
import type { TraceEvent } from '../protocol/trace';
import { traceOf } from './fixtures/traceOf';
import { indexTrace } from './indexTrace';
import { narrate } from './narrate';

const say = (events: readonly TraceEvent[], step: number, lang: Lang = 'en') =>
  narrationText(narrate(indexTrace(traceOf(events)), { step }), lang);

const request = { method: 'GET', url: 'https://httpbin.org/delay/5' };

/** aiohttp's ClientTimeout(total=2), set at t = 0.5, on a request that answers after 5 s (as the engine records it). */
const TIMED_OUT: readonly TraceEvent[] = [
  { e: 'task', id: 1, name: 'Task-1', coro: 'main', by: null, l: 7 },
  { e: 'sched', h: 1, on: { k: 'step', task: 1 } },
  { e: 'iter', n: 1, t: 0.5 },
  { e: 'run', h: 1 },
  { e: 'sched', h: 2, on: { k: 'timeout', task: 1, via: 'timeout' }, when: 2.5 },
  { e: 'sched', h: 3, on: { k: 'request', ...request, task: 1 }, when: 5.945 },
  { e: 'suspend', task: 1, l: 11, on: { k: 'request', ...request } },
  { e: 'iter', n: 2, t: 2.5, due: [2] },
  { e: 'run', h: 2 },
  { e: 'cancel', task: 1, by: null, via: 'timeout', l: null },
  { e: 'sched', h: 4, on: { k: 'wakeup', task: 1 } },
];

describe('a deadline that cancels the wait for a simulated request', () => {
  it('names the request and how long the deadline was, in both languages', () => {
    expect(say(TIMED_OUT, 2)).toBe(
      'The clock jumps to t = 2.500 s, then the 2 s asyncio.timeout deadline of `main` passes and cancels its wait for the simulated request `GET https://httpbin.org/delay/5`',
    );
    expect(say(TIMED_OUT, 2, 'zh')).toBe(
      '时钟跳到 t = 2.500 s，随后 `main` 的 2 秒 asyncio.timeout 截止时间已到，取消了它对模拟请求 `GET https://httpbin.org/delay/5` 的等待',
    );
  });

  it('says the plain deadline when the task waited on something else', () => {
    const events = TIMED_OUT.map((e) => (e.e === 'suspend' ? { ...e, on: { k: 'future' } as const } : e));
    expect(say(events, 2)).toBe('The clock jumps to t = 2.500 s, then the asyncio.timeout deadline of `main` passes and the task is cancelled');
  });
});
