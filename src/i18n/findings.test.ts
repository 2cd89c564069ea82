/**
 * Every finding kind (and each of its variants: cause, how, misuse, every CancelVia, every
 * RemovedApi) in both languages: title, explanation and fix present, the figures (line, seconds,
 * counts, names) in the explanation, and no English sentence in the Chinese.
 */
import { describe, expect, it } from 'vitest';
import type { CancelVia, LoopMisuse, RemovedApi } from '../protocol/trace';
import type { Finding, FoundKind } from '../trace/findings/types';
import { findingText } from './findings';
import { LANGS } from './lang';
import { englishSentences } from './testing/englishSentences';

const base = { severity: 'warning', step: 3, steps: [3] } as const;
const fetchLabel = { label: 'fetch', which: 'Task-2' };

const VIAS: readonly CancelVia[] = ['cancel()', 'timeout', 'wait_for', 'TaskGroup', 'gather', 'wait', 'shield', 'as_completed', 'runner', 'awaiter', 'loop'];
const APIS: readonly RemovedApi[] = ['get_event_loop', 'event-loop-policy', 'wait-coroutines', 'coroutine-decorator', 'generator-coroutine', 'loop-argument'];
const MISUSES: readonly LoopMisuse[] = ['run-in-running-loop', 'closed-loop', 'no-running-loop'];

/** Samples per kind, with a figure each explanation must show. */
const SAMPLES: { readonly [K in FoundKind]: readonly (readonly [Extract<Finding, { kind: K }>, string])[] } = {
  'blocking-call': [
    [{ ...base, kind: 'blocking-call', line: 16, tasks: [2, 3], labels: [fetchLabel, { label: 'ticker', which: null }], cause: 'time.sleep', seconds: 1.5, inCoroutine: true, blocker: 2, heldUp: 1, heldUpSeconds: 1.1 }, '1.5'],
    [{ ...base, kind: 'blocking-call', line: 7, tasks: [], labels: [], cause: 'time.sleep', seconds: 0.5, inCoroutine: false, blocker: null, heldUp: 0, heldUpSeconds: 0 }, '0.5'],
    [{ ...base, kind: 'blocking-call', line: 24, tasks: [2, 3], labels: [fetchLabel, { label: 'heartbeat', which: null }], cause: 'cpu', seconds: 0.19, work: { lines: 644_813, rounds: 303_537 }, inCoroutine: false, blocker: 2, heldUp: 1, heldUpSeconds: 0.14 }, '644,813'],
    [{ ...base, kind: 'blocking-call', line: 17, tasks: [2], labels: [fetchLabel], cause: 'cpu', seconds: 0.12, work: { lines: 3, rounds: 600_000 }, inCoroutine: false, blocker: 2, heldUp: 0, heldUpSeconds: 0 }, '0.12'],
    [{ ...base, kind: 'blocking-call', line: 14, tasks: [2], labels: [fetchLabel], cause: 'request', seconds: 0.389, request: { lib: 'requests', method: 'GET', url: 'https://example.com/data' }, inCoroutine: false, blocker: 2, heldUp: 2, heldUpSeconds: 0.7 }, 'https://example.com/data'],
  ],
  'never-awaited': [[{ ...base, kind: 'never-awaited', line: 17, tasks: [], labels: [], name: 'save', coro: 'Cache.save' }, 'save']],
  'exception-never-retrieved': [
    [{ ...base, kind: 'exception-never-retrieved', line: 11, tasks: [2], labels: [fetchLabel], task: 2, exc: 'ValueError: card declined' }, 'ValueError: card declined'],
    [{ ...base, kind: 'exception-never-retrieved', line: null, tasks: [], labels: [], task: null, exc: null }, 'Future'],
  ],
  'task-not-awaited': [
    [{ ...base, kind: 'task-not-awaited', line: 12, tasks: [2], labels: [fetchLabel], task: 2, how: 'cancelled-at-exit', started: true }, '12'],
    [{ ...base, kind: 'task-not-awaited', line: 12, tasks: [2], labels: [fetchLabel], task: 2, how: 'cancelled-at-exit', started: false }, 'fetch (Task-2)'],
    [{ ...base, kind: 'task-not-awaited', line: 9, tasks: [2], labels: [fetchLabel], task: 2, how: 'destroyed', started: true }, '9'],
  ],
  'cancel-swallowed': VIAS.map((via) => [
    { ...base, kind: 'cancel-swallowed', line: 8, tasks: [2], labels: [fetchLabel], task: 2, via, requestLine: 17, by: 1 },
    '17',
  ]),
  'busy-polling': [
    [{ ...base, kind: 'busy-polling', line: 15, tasks: [2], labels: [fetchLabel], task: 2, wakeUps: 40, interval: 0.05, seconds: 1.95 }, '40'],
    [{ ...base, kind: 'busy-polling', line: 15, tasks: [2], labels: [fetchLabel], task: 2, wakeUps: 15, interval: 0, seconds: 0 }, 'sleep(0)'],
  ],
  'sequential-awaits': [
    [{ ...base, kind: 'sequential-awaits', line: 13, tasks: [1], labels: [{ label: 'main', which: null }], task: 1, waits: 3, lines: [13, 14, 15], secondsTaken: 3, sooner: 2 }, '14'],
  ],
  'unbounded-fan-out': [[{ ...base, kind: 'unbounded-fan-out', line: 9, tasks: [], labels: [], peak: 500, limit: 100 }, '500']],
  deadlock: [
    [
      {
        ...base,
        kind: 'deadlock',
        line: 9,
        tasks: [2, 3],
        labels: [fetchLabel, { label: 'fetch', which: 'Task-3' }],
        waits: [
          { task: 2, label: fetchLabel, line: 9, on: { k: 'future', api: 'Lock.acquire' } },
          { task: 3, label: { label: 'fetch', which: 'Task-3' }, line: 9, on: { k: 'future', api: 'Lock.acquire' } },
        ],
        cycle: [2, 3],
      },
      'fetch (Task-3)',
    ],
    [{ ...base, kind: 'deadlock', line: 7, tasks: [1], labels: [{ label: 'main', which: null }], waits: [{ task: 1, label: { label: 'main', which: null }, line: 7, on: { k: 'future', api: 'Event.wait' } }], cycle: [] }, 'main'],
  ],
  'removed-api': APIS.flatMap((api) =>
    (['error', 'deprecated'] as const).map((how) => [{ ...base, kind: 'removed-api', line: 10, tasks: [], labels: [], api, version: '3.14', how }, '3.14'] as const),
  ),
  'loop-misuse': MISUSES.map((misuse) => [{ ...base, kind: 'loop-misuse', line: 12, tasks: [], labels: [], misuse }, '12']),
};

/** Texts that stay as the program or CPython wrote them, in any language. */
const CODE = ['ValueError: card declined', 'https://example.com/data', 'Cancelling the task awaiting it', 'The event loop', 'A TaskGroup'];

describe('findingText', () => {
  for (const kind of Object.keys(SAMPLES) as FoundKind[]) {
    const samples = SAMPLES[kind] as readonly (readonly [Finding, string])[];
    for (const lang of LANGS) {
      it(`${kind} in ${lang}: ${samples.length} variant(s), worded, with their figures`, () => {
        for (const [finding, figure] of samples) {
          const text = findingText(finding, lang);
          expect(text.title.length).toBeGreaterThan(0);
          expect(text.fix.length).toBeGreaterThan(0);
          expect(text.explanation).toContain(figure);
          if (finding.line !== null) expect(text.explanation).toContain(String(finding.line));
          if (lang === 'zh') {
            for (const part of [text.title, text.explanation, text.fix]) expect(englishSentences(part, CODE)).toEqual([]);
          }
        }
      });
    }
  }
});
