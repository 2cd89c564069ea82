import { describe, expect, it } from 'vitest';
import { asyncSleepFix } from './asyncSleepFix';
import { addAwaitFix } from './awaitFix';
import { enclosingFunction } from './lineEdits';
import { applyFix } from './testing/applyFix';

const applied = applyFix;

/** A program whose line 2 (`body`) sits in a coroutine. */
const inCoroutine = (body: string, head = 'import asyncio\n') => `${head}async def main():\n    ${body}\n`;
const lineOf = (source: string, text: string) => source.split('\n').findIndex((l) => l.includes(text)) + 1;

function awaitFixed(source: string, marker: string, coroutine: string): string | null {
  return applied(source, addAwaitFix(source.split('\n'), lineOf(source, marker), coroutine));
}

function sleepFixed(source: string, marker: string): string | null {
  return applied(source, asyncSleepFix(source.split('\n'), lineOf(source, marker)));
}

describe('addAwaitFix writes await before the never-awaited call', () => {
  it.each([
    ['save("draft")', 'await save("draft")'],
    ['result = save("draft")', 'result = await save("draft")'],
    ['result: object = save(1, x=2)', 'result: object = await save(1, x=2)'],
    ['return save()', 'return await save()'],
    ['print(save())', 'print(await save())'],
    ['print("saving", save(  ))  # save it', 'print("saving", await save(  ))  # save it'],
    ['self.store.save(x)', 'await self.store.save(x)'],
    ['x = self . save(x)', 'x = await self . save(x)'],
    ['if save(): pass', 'if await save(): pass'],
    ['value = not save()', 'value = not await save()'],
    ['total = save() + 1', 'total = await save() + 1'],
    ['items = [save(i) for i in range(3)]', 'items = [await save(i) for i in range(3)]'],
    ['x = save(f"{a}")', 'x = await save(f"{a}")'],
    ['save(', 'await save('],
  ])('%s', (line, want) => {
    expect(awaitFixed(inCoroutine(line), line, 'save')).toBe(inCoroutine(want));
  });

  it('calls a qualified coroutine name by its last part', () => {
    const source = inCoroutine('self.save()');
    expect(awaitFixed(source, 'self.save', 'Store.save')).toBe(inCoroutine('await self.save()'));
    expect(awaitFixed(inCoroutine('step()'), 'step', 'main.<locals>.step')).toBe(inCoroutine('await step()'));
  });

  it('skips the calls already awaited and fixes the one that is not', () => {
    const source = inCoroutine('await save(1); save(2)');
    expect(awaitFixed(source, 'save(2)', 'save')).toBe(inCoroutine('await save(1); await save(2)'));
  });

  it('keeps the indentation of nested blocks inside the coroutine', () => {
    const source = 'import asyncio\n\nasync def main():\n    for i in range(3):\n        if i:\n            save(i)\n';
    expect(awaitFixed(source, 'save(i)', 'save')).toBe(source.replace('            save(i)', '            await save(i)'));
  });

  it.each([
    ['the line does not call it', 'print("nothing")'],
    ['the name is only in a comment', 'pass  # save()'],
    ['the name is only in a string', 'print("save()")'],
    ['a longer name that ends in it', 'autosave()'],
    ['a longer name that starts with it', 'save_all()'],
    ['the call is already awaited', 'await save()'],
    ['it is called twice', 'save(1); save(2)'],
    ['it sits in a lambda', 'f = lambda: save()'],
    ['it is handed to create_task', 'asyncio.create_task(save())'],
    ['it is handed to gather', 'await asyncio.gather(other(), save())'],
    ['it is handed to ensure_future', 'asyncio.ensure_future(save())'],
    ['its result is used as a primary', 'save().send(None)'],
    ['its result is indexed', 'x = save()[0]'],
    ['it is the callee of a call result', 'x = make().save()'],
    ['it is the callee of an index', 'x = stores[0].save()'],
    ['it is a reference, not a call', 'f = save'],
  ])('refuses when %s', (_why, line) => {
    expect(addAwaitFix(inCoroutine(line).split('\n'), 3, 'save')).toBeNull();
  });

  it('refuses outside a coroutine, where await is a SyntaxError', () => {
    expect(addAwaitFix('import asyncio\ndef main():\n    save()\n'.split('\n'), 3, 'save')).toBeNull();
    expect(addAwaitFix('import asyncio\nsave()\n'.split('\n'), 2, 'save')).toBeNull();
    const nested = 'async def main():\n    def inner():\n        save()\n    inner()\n';
    expect(addAwaitFix(nested.split('\n'), 3, 'save')).toBeNull();
    const inClass = 'async def main():\n    pass\nclass A:\n    x = save()\n';
    expect(addAwaitFix(inClass.split('\n'), 4, 'save')).toBeNull();
  });

  it('refuses a def line, a name that is no identifier, and a line that is not there', () => {
    expect(addAwaitFix('async def save(): pass\n'.split('\n'), 1, 'save')).toBeNull();
    expect(addAwaitFix(inCoroutine('f()').split('\n'), 3, '<lambda>')).toBeNull();
    expect(addAwaitFix(inCoroutine('save()').split('\n'), 40, 'save')).toBeNull();
    expect(addAwaitFix(inCoroutine('save()').split('\n'), 0, 'save')).toBeNull();
  });

  it('refuses a line inside a triple-quoted string', () => {
    const source = 'async def main():\n    """Docs:\n    save()\n    """\n';
    expect(addAwaitFix(source.split('\n'), 3, 'save')).toBeNull();
  });

  it('fixes the forgotten-await example on its line', () => {
    const source = 'import asyncio\n\nasync def save(note):\n    await asyncio.sleep(0.5)\n\nasync def main():\n    result = save("draft")\n    del result\n';
    expect(awaitFixed(source, 'result = save', 'save')).toBe(source.replace('result = save', 'result = await save'));
  });
});

describe('asyncSleepFix turns a blocking time.sleep in a coroutine into await asyncio.sleep', () => {
  it.each([
    ['time.sleep(1.5)', 'await asyncio.sleep(1.5)'],
    ['time.sleep(1.5)  # WRONG: blocks', 'await asyncio.sleep(1.5)  # WRONG: blocks'],
    ['time . sleep(delay * 2)', 'await asyncio.sleep(delay * 2)'],
    ['time.sleep(random.random())', 'await asyncio.sleep(random.random())'],
    ['if slow: time.sleep(1)', 'if slow: await asyncio.sleep(1)'],
    ['print("a"); time.sleep(0.2); print("b")', 'print("a"); await asyncio.sleep(0.2); print("b")'],
    ['time.sleep(\n', 'await asyncio.sleep(\n'],
  ])('%s', (line, want) => {
    const head = 'import asyncio\nimport time\n';
    expect(sleepFixed(inCoroutine(line, head), line.split('\n')[0] ?? line)).toBe(inCoroutine(want, head));
  });

  it('reads how the program imported time.sleep', () => {
    expect(sleepFixed(inCoroutine('t.sleep(1)', 'import asyncio\nimport time as t\n'), 't.sleep')).toBe(
      inCoroutine('await asyncio.sleep(1)', 'import asyncio\nimport time as t\n'),
    );
    expect(sleepFixed(inCoroutine('sleep(1)', 'import asyncio\nfrom time import sleep\n'), '    sleep(1)')).toBe(
      inCoroutine('await asyncio.sleep(1)', 'import asyncio\nfrom time import sleep\n'),
    );
    expect(sleepFixed(inCoroutine('nap(1)', 'import asyncio\nfrom time import perf_counter, sleep as nap\n'), 'nap(1)')).toBe(
      inCoroutine('await asyncio.sleep(1)', 'import asyncio\nfrom time import perf_counter, sleep as nap\n'),
    );
    expect(sleepFixed(inCoroutine('time.sleep(1)', 'import os, time, asyncio\n'), 'time.sleep')).toBe(
      inCoroutine('await asyncio.sleep(1)', 'import os, time, asyncio\n'),
    );
  });

  it('uses the name the program gave asyncio', () => {
    const head = 'import asyncio as aio\nimport time\n';
    expect(sleepFixed(inCoroutine('time.sleep(1)', head), 'time.sleep')).toBe(inCoroutine('await aio.sleep(1)', head));
  });

  it('adds import asyncio before the first import when the program has none', () => {
    const source = inCoroutine('time.sleep(1)', 'import time\nfrom asyncio import run\n');
    expect(sleepFixed(source, 'time.sleep')).toBe(inCoroutine('await asyncio.sleep(1)', 'import asyncio\nimport time\nfrom asyncio import run\n'));
  });

  it('puts the import after the docstring, comments and __future__ imports', () => {
    const head = '#!/usr/bin/env python3\n"""A program."""\nfrom __future__ import annotations\n# the clock\nimport time\n';
    const want = '#!/usr/bin/env python3\n"""A program."""\nfrom __future__ import annotations\n# the clock\nimport asyncio\nimport time\n';
    expect(sleepFixed(inCoroutine('time.sleep(1)', head), 'time.sleep')).toBe(inCoroutine('await asyncio.sleep(1)', want));
    const multi = '"""A program\nin two lines."""\nimport time\n';
    expect(sleepFixed(inCoroutine('time.sleep(1)', multi), 'time.sleep')).toBe(
      inCoroutine('await asyncio.sleep(1)', '"""A program\nin two lines."""\nimport asyncio\nimport time\n'),
    );
  });

  it('keeps its indentation inside nested blocks', () => {
    const source = 'import asyncio\nimport time\n\nasync def handler(blocking):\n    if blocking:\n        time.sleep(1.5)  # WRONG\n    else:\n        await asyncio.sleep(1.5)\n';
    expect(sleepFixed(source, 'time.sleep')).toBe(source.replace('        time.sleep(1.5)', '        await asyncio.sleep(1.5)'));
  });

  it.each([
    ['the line has no time.sleep', 'await asyncio.sleep(1)'],
    ['time.sleep is only in a comment', 'pass  # time.sleep(1)'],
    ['time.sleep is only in a string', 'print("time.sleep(1)")'],
    ['it is another module\'s sleep', 'other.sleep(1)'],
    ['it is a method of something called time', 'self.time.sleep(1)'],
    ['there are two of them', 'time.sleep(1); time.sleep(2)'],
    ['it has no delay', 'time.sleep()'],
    ['it is in a lambda', 'f = lambda: time.sleep(1)'],
    ['it is only referenced', 'f = time.sleep'],
    ['it is handed to to_thread (the right way already)', 'await asyncio.to_thread(time.sleep, 1)'],
  ])('refuses when %s', (_why, line) => {
    expect(asyncSleepFix(inCoroutine(line, 'import asyncio\nimport time\n').split('\n'), 4)).toBeNull();
  });

  it('refuses a bare sleep that is not time.sleep', () => {
    expect(asyncSleepFix(inCoroutine('sleep(1)', 'import asyncio\nimport time\n').split('\n'), 4)).toBeNull();
    expect(asyncSleepFix(inCoroutine('sleep(1)', 'from asyncio import sleep\nimport time\n').split('\n'), 4)).toBeNull();
  });

  it('refuses outside a coroutine (a plain function may block, e.g. run by to_thread)', () => {
    expect(asyncSleepFix('import time\ndef work():\n    time.sleep(1)\n'.split('\n'), 3)).toBeNull();
    expect(asyncSleepFix('import time\ntime.sleep(1)\n'.split('\n'), 2)).toBeNull();
  });

  it('fixes the blocking-sleep example on its line', () => {
    const source =
      'import asyncio\nimport time\n\n\nasync def handler(start, blocking):\n    await asyncio.sleep(0.6)\n    if blocking:\n' +
      '        time.sleep(1.5)  # WRONG: blocks the whole thread, so no task can run\n    else:\n        await asyncio.sleep(1.5)\n';
    expect(sleepFixed(source, 'time.sleep(1.5)')).toBe(source.replace('time.sleep(1.5)', 'await asyncio.sleep(1.5)'));
  });
});

describe('enclosingFunction reads the block a line is in by indentation', () => {
  const source = [
    'import asyncio', // 1
    'async def main():', // 2
    '    x = 1', // 3
    '    def helper():', // 4
    '        return 2', // 5
    '', // 6
    '    for i in range(2):', // 7
    '        print(i)', // 8
    'class A:', // 9
    '    async def m(self):', // 10
    '        pass', // 11
    '    y = 3', // 12
    'print("top")', // 13
  ];
  it.each([
    [3, 'async'],
    [5, 'sync'],
    [8, 'async'],
    [11, 'async'],
    [12, 'module'],
    [13, 'module'],
    [1, 'module'],
  ] as const)('line %i is in %s', (line, want) => {
    expect(enclosingFunction(source, line)).toBe(want);
  });
});
