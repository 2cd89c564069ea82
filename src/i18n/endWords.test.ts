/**
 * Every end kind, every limit (each of its causes), every hint, the deadlock, stop and crash,
 * rendered in both languages with real figures: none missing or empty, the figures in the words,
 * no English sentence in the Chinese, and the English byte for byte what the CLI printed before
 * ends became facts (the messages the engine wrote, as in the closing note's table of ends).
 */
import { describe, expect, it } from 'vitest';
import type { LimitEnd, LimitKind, PythonVersion, RemovedApi, RunEnd, RunHint, RunHintKind } from '../protocol/trace';
import { END_WORDS, clockReading, endSentence, grouped, hintSentence, limitSentence, shortNumber, whySentence } from './endWords';
import { LANGS } from './lang';
import { englishSentences } from './testing/englishSentences';

type LimitOf<K extends LimitKind> = Extract<LimitEnd, { limit: K }>;
type Crashed = Extract<RunEnd, { kind: 'crashed' }>;
type Stopped = Extract<RunEnd, { kind: 'stopped' }>;

/** One or more ends per limit kind, with the English the CLI printed for each. */
const LIMITS: { readonly [K in LimitKind]: readonly (readonly [LimitOf<K>, string])[] } = {
  steps: [
    [
      { kind: 'limit', limit: 'steps', line: 10, max: 100_000, t: 0 },
      'The program ran more than 100,000 loop steps (at t = 0.000 s).',
    ],
  ],
  'virtual-time': [
    [
      { kind: 'limit', limit: 'virtual-time', line: null, max: 3600, cause: 'timer', at: 3601 },
      "The program's clock would pass 3600 s (next timer at t = 3601.000 s).",
    ],
    [
      { kind: 'limit', limit: 'virtual-time', line: null, max: 3600, cause: 'timer', at: 1e308 },
      "The program's clock would pass 3600 s (next timer at t = inf s).",
    ],
    [
      { kind: 'limit', limit: 'virtual-time', line: 8, max: 3600, cause: 'time.sleep', at: 1_000_000 },
      "time.sleep(1e+06) at line 8 would pass the 3600 s limit of the program's clock.",
    ],
    [
      {
        kind: 'limit',
        limit: 'virtual-time',
        line: 11,
        max: 3600,
        cause: 'request',
        at: 1e308,
        request: { lib: 'requests', method: 'GET', url: 'https://slow.example.com/report' },
      },
      "The simulated requests.get('https://slow.example.com/report') at line 11 would block the loop past the 3600 s " +
        "limit of the program's clock: the server never answers and no timeout was given.",
    ],
    [
      {
        kind: 'limit',
        limit: 'virtual-time',
        line: 7,
        max: 3600,
        cause: 'request',
        at: 4000,
        request: { lib: 'httpx', method: 'POST', url: 'https://api.example.com/jobs' },
      },
      "The simulated httpx.post('https://api.example.com/jobs') at line 7 would block the loop for 4000 s, past the 3600 s " +
        "limit of the program's clock.",
    ],
  ],
  'busy-loop': [
    [
      { kind: 'limit', limit: 'busy-loop', line: 8, rounds: 500_736 },
      'The loop at line 8 went round 500,736 times without an await: the event loop never got control back.',
    ],
  ],
  output: [
    [
      { kind: 'limit', limit: 'output', line: 7, max: 1_000_000 },
      'The program printed more than 1,000,000 characters.',
    ],
  ],
  'wall-clock': [
    [
      { kind: 'limit', limit: 'wall-clock', line: 4, max: 10, where: 'python' },
      'The program ran for more than 10 s of real time (it was at line 4).',
    ],
    [
      { kind: 'limit', limit: 'wall-clock', line: null, max: 10, where: 'python' },
      'The program ran for more than 10 s of real time.',
    ],
    [
      { kind: 'limit', limit: 'wall-clock', line: null, max: 10, where: 'c-call' },
      'The program ran for more than 10 s of real time inside one call that never returned to Python (e.g. sum(range(10**13))); it was stopped from outside.',
    ],
  ],
  events: [
    [{ kind: 'limit', limit: 'events', line: 7, max: 1_000_000 }, 'The run recorded more than 1,000,000 events.'],
  ],
  memory: [
    [
      { kind: 'limit', limit: 'memory', line: 9, maxBytes: 1024 ** 3, cause: 'heap' },
      'The program used more than 1,024 MB of memory.',
    ],
    [
      { kind: 'limit', limit: 'memory', line: 5, maxBytes: 1024 ** 3, cause: 'memory-error' },
      'The program needed more memory than the engine can have (MemoryError).',
    ],
  ],
};

/** Every value of every field that picks a limit's words: a sample above must use each. */
const LIMIT_VARIANTS: { readonly [K in LimitKind]: readonly string[] } = {
  steps: [],
  'virtual-time': Object.keys({ timer: 1, 'time.sleep': 1, request: 1 } satisfies Record<LimitOf<'virtual-time'>['cause'], 1>),
  'busy-loop': [],
  output: [],
  'wall-clock': Object.keys({ python: 1, 'c-call': 1 } satisfies Record<LimitOf<'wall-clock'>['where'], 1>),
  events: [],
  memory: Object.keys({ heap: 1, 'memory-error': 1 } satisfies Record<LimitOf<'memory'>['cause'], 1>),
};

function variantOf(end: LimitEnd): string | null {
  switch (end.limit) {
    case 'virtual-time':
    case 'memory':
      return end.cause;
    case 'wall-clock':
      return end.where;
    case 'steps':
    case 'busy-loop':
    case 'output':
    case 'events':
      return null;
  }
}

const HINTS: { readonly [K in RunHintKind]: Extract<RunHint, { k: K }> } = {
  'missing-module': { k: 'missing-module', module: 'numpy' },
  'no-threads': { k: 'no-threads' },
  'no-processes': { k: 'no-processes' },
  'no-input': { k: 'no-input' },
  'no-page': { k: 'no-page' },
  'no-network': { k: 'no-network' },
  'removed-api': { k: 'removed-api', api: 'get_event_loop', version: '3.14' },
};

/** Every RemovedApi with the Python that changed it (as the engine reports it): a value added without words fails here. */
const REMOVED: { readonly [A in RemovedApi]: PythonVersion } = {
  get_event_loop: '3.14',
  'event-loop-policy': '3.14',
  'wait-coroutines': '3.11',
  'coroutine-decorator': '3.11',
  'generator-coroutine': '3.11',
  'loop-argument': '3.10',
};

const STOPS: { readonly [How in Stopped['how']]: readonly [Stopped, string] } = {
  interrupt: [{ kind: 'stopped', how: 'interrupt' }, 'Stopped: the run was interrupted by the Stop button.'],
  terminated: [
    { kind: 'stopped', how: 'terminated' },
    'Stopped: the engine was restarted to end the run; the trace shows what happened until then.',
  ],
};

const CRASHES: { readonly [Cause in Crashed['cause']]: readonly [Crashed, string] } = {
  'c-stack': [
    { kind: 'crashed', cause: 'c-stack', detail: 'RangeError: Maximum call stack size exceeded' },
    'Python itself crashed: its C stack overflowed (RangeError: Maximum call stack size exceeded). Something was nested too deeply for the Python Loopscope runs (Pyodide, whose C stack is smaller than CPython\'s), such as the repr of a list nested 100,000 levels deep, where CPython raises RecursionError. The trace shows what happened until then.',
  ],
  other: [
    { kind: 'crashed', cause: 'other', detail: 'Error: worker exited' },
    'Python itself crashed during the run (Error: worker exited). The trace shows what happened until then.',
  ],
};

const DEADLOCKS: readonly (readonly [Extract<RunEnd, { kind: 'deadlock' }>, string])[] = [
  [
    { kind: 'deadlock', stuck: [{ task: 1, name: 'Task-1', line: 9, on: { k: 'future', api: 'Lock.acquire', obj: 'Lock#1' } }] },
    'Deadlock: nothing is ready to run and no timer is pending, but tasks are still waiting (Task-1 waits at line 9 on Lock.acquire).',
  ],
  [
    {
      kind: 'deadlock',
      stuck: [
        { task: 1, name: 'Task-1', line: 14, on: { k: 'task', task: 2 } },
        { task: 2, name: 'Task-2', line: 7, on: { k: 'future', api: 'Queue.get', obj: 'Queue#1' } },
      ],
    },
    'Deadlock: nothing is ready to run and no timer is pending, but tasks are still waiting (Task-1 waits at line 14 on task; Task-2 waits at line 7 on Queue.get).',
  ],
  [
    { kind: 'deadlock', stuck: [{ task: 3, name: 'consumer', line: null, on: null }] },
    'Deadlock: nothing is ready to run and no timer is pending, but tasks are still waiting (consumer waits).',
  ],
];

/** Every end that has a sentence, with the English the CLI prints and the texts that may stay English. */
const SENTENCES: readonly (readonly [RunEnd, string, readonly string[]])[] = [
  ...Object.values(LIMITS).flatMap((samples) => samples.map(([end, en]) => [end, en, []] as const)),
  ...Object.values(STOPS).map(([end, en]) => [end, en, []] as const),
  ...Object.values(CRASHES).map(([end, en]) => [end, en, [end.detail]] as const),
  ...DEADLOCKS.map(([end, en]) => [end, en, end.stuck.map((s) => s.name)] as const),
];

/** The figures a sentence must carry, as the words write them. */
function figuresOf(end: RunEnd): string[] {
  switch (end.kind) {
    case 'limit': {
      const line = end.line === null ? [] : [String(end.line)];
      switch (end.limit) {
        case 'steps':
          return [grouped(end.max), clockReading(end.t)];
        case 'virtual-time':
          // A blocking request that never gets an answer (at 1e308) has no duration to say.
          if (end.cause === 'request' && end.at >= 1e308) return [...line, shortNumber(end.max)];
          return [...line, shortNumber(end.max), end.cause === 'timer' ? clockReading(end.at) : shortNumber(end.at)];
        case 'busy-loop':
          return [...line, grouped(end.rounds)];
        case 'output':
        case 'events':
          return [grouped(end.max)];
        case 'wall-clock':
          return end.where === 'python' ? [...line, shortNumber(end.max)] : [shortNumber(end.max)];
        case 'memory':
          return end.cause === 'heap' ? [grouped(end.maxBytes / 2 ** 20)] : [];
      }
      break;
    }
    case 'deadlock':
      return end.stuck.flatMap((s) => [s.name, ...(s.line === null ? [] : [String(s.line)])]);
    case 'crashed':
      return [end.detail];
    case 'stopped':
    case 'ok':
    case 'exit':
    case 'exception':
      return [];
  }
  return [];
}

describe('end words', () => {
  it('has a sample of every limit kind and of every cause a limit can give', () => {
    for (const kind of Object.keys(LIMITS) as LimitKind[]) {
      const samples = LIMITS[kind];
      expect(samples.length, kind).toBeGreaterThan(0);
      const used = samples.map(([end]) => variantOf(end));
      for (const variant of LIMIT_VARIANTS[kind]) expect(used, `${kind}: ${variant}`).toContain(variant);
    }
  });

  it('writes in English what the CLI printed, byte for byte', () => {
    for (const [end, english] of SENTENCES) expect(endSentence(end, 'en')).toBe(english);
  });

  it('says every end, limit and stop in both languages, with its figures, and no English sentence in the Chinese', () => {
    for (const [end, english, mayStayEnglish] of SENTENCES) {
      for (const lang of LANGS) {
        const words = endSentence(end, lang) ?? '';
        expect(words.trim(), `${lang}: ${english}`).not.toBe('');
        for (const figure of figuresOf(end)) expect(words, `${lang}: ${english}`).toContain(figure);
      }
      const zh = endSentence(end, 'zh') ?? '';
      expect(zh, english).not.toBe(english);
      expect(zh, english).toMatch(/[\u4e00-\u9fff]/);
      expect(englishSentences(zh, mayStayEnglish), zh).toEqual([]);
    }
  });

  it('says every hint in both languages, naming the module, and no English sentence in the Chinese', () => {
    for (const hint of Object.values(HINTS)) {
      const en = hintSentence(hint, 'en');
      const zh = hintSentence(hint, 'zh');
      expect(en.trim(), hint.k).not.toBe('');
      expect(zh, hint.k).toMatch(/[\u4e00-\u9fff]/);
      expect(englishSentences(zh), zh).toEqual([]);
      if (hint.k === 'missing-module') for (const words of [en, zh]) expect(words).toContain(hint.module);
    }
    expect(hintSentence(HINTS['missing-module'], 'en')).toContain('numpy is not in its sandbox');
  });

  it('says for each removed API what changed, in which Python, and what to write instead, in both languages', () => {
    for (const lang of LANGS) {
      const said = new Set<string>();
      for (const [api, version] of Object.entries(REMOVED) as [RemovedApi, PythonVersion][]) {
        const words = hintSentence({ k: 'removed-api', api, version }, lang);
        expect(words, api).toContain(`Python ${version}`);
        // Only the 3.14 changes can be run the old way: only they offer it.
        expect(words.includes('3.13'), `${lang} ${api}`).toBe(version === '3.14');
        said.add(words);
      }
      expect(said.size, lang).toBe(Object.keys(REMOVED).length);
    }
    expect(hintSentence({ k: 'removed-api', api: 'get_event_loop', version: '3.14' }, 'en')).toBe(
      'Python 3.14 no longer creates an event loop in asyncio.get_event_loop() when none is running: write ' +
        'asyncio.run(main()) instead of get_event_loop()/run_until_complete(); or run it as Python 3.13 would.',
    );
    expect(hintSentence({ k: 'removed-api', api: 'wait-coroutines', version: '3.11' }, 'en')).toContain('asyncio.create_task(');
    expect(hintSentence({ k: 'removed-api', api: 'coroutine-decorator', version: '3.11' }, 'zh')).toContain('async def');
  });

  it('has no sentence for the ends that speak for themselves', () => {
    const raised: RunEnd = { kind: 'exception', type: 'KeyError', message: "'cocoa'", traceback: '', line: 9 };
    for (const end of [{ kind: 'ok' }, { kind: 'exit', code: 3 }, raised] as const) {
      for (const lang of LANGS) expect(endSentence(end, lang)).toBeNull();
    }
  });

  it('adds to an exception only the hint the engine gave it', () => {
    const raised: RunEnd = { kind: 'exception', type: 'EOFError', message: 'EOF when reading a line', traceback: '', line: 6 };
    for (const lang of LANGS) {
      expect(whySentence(raised, lang)).toBeNull();
      expect(whySentence({ ...raised, hint: HINTS['no-input'] }, lang)).toBe(hintSentence(HINTS['no-input'], lang));
      expect(whySentence(STOPS.interrupt[0], lang)).toBe(endSentence(STOPS.interrupt[0], lang));
    }
  });

  it('limitSentence and endSentence agree', () => {
    for (const samples of Object.values(LIMITS)) {
      for (const [end] of samples) for (const lang of LANGS) expect(limitSentence(end, lang)).toBe(endSentence(end, lang));
    }
  });

  it('has the same tables in both languages', () => {
    const shape = (lang: 'en' | 'zh') => ({
      limit: Object.keys(END_WORDS[lang].limit).sort(),
      hint: Object.keys(END_WORDS[lang].hint).sort(),
      awaitKind: Object.keys(END_WORDS[lang].awaitKind).sort(),
    });
    expect(shape('zh')).toEqual(shape('en'));
  });
});

describe('numbers as the engine wrote them', () => {
  it("writes Python's :g", () => {
    const cases: readonly (readonly [number, string])[] = [
      [3600, '3600'],
      [10, '10'],
      [0.5, '0.5'],
      [1_000_000, '1e+06'],
      [123456, '123456'],
      [1234567, '1.23457e+06'],
      [0.0001, '0.0001'],
      [0.00001, '1e-05'],
      [1e9, '1e+09'],
      [Infinity, 'inf'],
      [0, '0'],
    ];
    for (const [x, python] of cases) expect(shortNumber(x), String(x)).toBe(python);
  });

  it("writes Python's :, and :.3f", () => {
    expect(grouped(1_000_000)).toBe('1,000,000');
    expect(grouped(64)).toBe('64');
    expect(clockReading(3600.5)).toBe('3600.500');
    expect(clockReading(1e9)).toBe('1000000000.000');
    expect(clockReading(1e308)).toBe('inf');
  });
});
