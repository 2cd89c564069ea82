import { describe, expect, it } from 'vitest';
import { asyncioRunFix, codeLines } from './asyncioRunFix';

/** The program after the fix, or null when the fix refuses it. */
function fixed(source: string): string | null {
  const lines = source.split('\n');
  const fix = asyncioRunFix(lines);
  if (fix === null) return null;
  return [...lines.slice(0, fix.fromLine - 1), ...fix.replacement, ...lines.slice(fix.toLine)].join('\n');
}

const MAIN = 'import asyncio\n\nasync def main():\n    await asyncio.sleep(1)\n    print("done")\n\n';

describe('asyncioRunFix rewrites the old loop pattern to asyncio.run', () => {
  it('three lines at the top level', () => {
    const source = `${MAIN}loop = asyncio.get_event_loop()\nloop.run_until_complete(main())\nloop.close()\nprint("after")\n`;
    expect(fixed(source)).toBe(`${MAIN}asyncio.run(main())\nprint("after")\n`);
    expect(asyncioRunFix(source.split('\n'))).toMatchObject({ lines: [7, 8, 9], call: 'main()' });
  });

  it('without loop.close(), keeping a comment between and the call arguments', () => {
    const source = `${MAIN}loop = asyncio.get_event_loop()\n# the event loop runs main\nloop.run_until_complete(main())  # go\n`;
    expect(fixed(source.replace('async def main():', 'async def main(n=3):').replace('main())', 'main(n=2))'))).toBe(
      `${MAIN.replace('async def main():', 'async def main(n=3):')}# the event loop runs main\nasyncio.run(main(n=2))  # go\n`,
    );
  });

  it("under if __name__ == '__main__': with try/finally", () => {
    const source = `${MAIN}if __name__ == '__main__':\n    loop = asyncio.get_event_loop()\n    try:\n        loop.run_until_complete(main())\n    finally:\n        loop.close()\n`;
    expect(fixed(source)).toBe(`${MAIN}if __name__ == '__main__':\n    asyncio.run(main())\n`);
  });

  it('keeps what else the try and the finally do (the tutorial t02 shape)', () => {
    const source =
      `${MAIN}if __name__ == '__main__':\n    loop = asyncio.get_event_loop()\n    try:\n        result = loop.run_until_complete(main())\n` +
      '        print(f"获取返回值:{result}")\n    finally:\n        print("关闭事件循环")\n        loop.close()\n';
    expect(fixed(source)).toBe(
      `${MAIN}if __name__ == '__main__':\n    try:\n        result = asyncio.run(main())\n        print(f"获取返回值:{result}")\n    finally:\n        print("关闭事件循环")\n`,
    );
  });

  it('brings the try body out a level when the finally only closed the loop', () => {
    const source = `${MAIN}loop = asyncio.get_event_loop()\ntry:\n    print("start")\n    result = loop.run_until_complete(main())\n    print(result)\nfinally:\n    loop.close()\n`;
    expect(fixed(source)).toBe(`${MAIN}print("start")\nresult = asyncio.run(main())\nprint(result)\n`);
  });

  it('asyncio.get_event_loop().run_until_complete(main()) on one line', () => {
    expect(fixed(`${MAIN}asyncio.get_event_loop().run_until_complete(main())\n`)).toBe(`${MAIN}asyncio.run(main())\n`);
  });

  it('is not put off by "loop" in comments and strings', () => {
    const source = `${MAIN.replace('print("done")', 'print("the loop is done")  # loop')}# make the loop\nloop = asyncio.get_event_loop()\nloop.run_until_complete(main())\nloop.close()\n`;
    expect(fixed(source)).toContain('asyncio.run(main())');
  });
});

describe('asyncioRunFix refuses anything else', () => {
  const refused: Record<string, string> = {
    'the loop used otherwise (call_soon(loop.stop))': `${MAIN}loop = asyncio.get_event_loop()\nloop.call_soon(loop.stop)\nloop.run_until_complete(main())\nloop.close()\n`,
    'the loop passed to main': `${MAIN.replace('main()', 'main(loop)')}loop = asyncio.get_event_loop()\nloop.run_until_complete(main(loop))\nloop.close()\n`,
    'the loop named in an f-string': `${MAIN}loop = asyncio.get_event_loop()\nloop.run_until_complete(main())\nprint(f"{loop}")\n`,
    'run_forever': `${MAIN}loop = asyncio.get_event_loop()\nloop.run_forever()\n`,
    'two run_until_complete': `${MAIN}loop = asyncio.get_event_loop()\nloop.run_until_complete(main())\nloop.run_until_complete(main())\n`,
    'gather, a future, not a coroutine': `${MAIN}loop = asyncio.get_event_loop()\nloop.run_until_complete(asyncio.gather(main(), main()))\n`,
    'a variable holding the coroutine': `${MAIN}coro = main()\nloop = asyncio.get_event_loop()\nloop.run_until_complete(coro)\n`,
    'a function that is not async def': `${MAIN}def start():\n    return main()\n\nloop = asyncio.get_event_loop()\nloop.run_until_complete(start())\n`,
    'try with an except': `${MAIN}loop = asyncio.get_event_loop()\ntry:\n    loop.run_until_complete(main())\nexcept KeyboardInterrupt:\n    pass\nfinally:\n    loop.close()\n`,
    'inside a function': `${MAIN}def run():\n    loop = asyncio.get_event_loop()\n    loop.run_until_complete(main())\n`,
    'no import asyncio': `from asyncio import sleep\nimport asyncio as aio\nasync def main():\n    await sleep(1)\nloop = aio.get_event_loop()\nloop.run_until_complete(main())\n`,
    'a policy set by hand': `${MAIN}asyncio.set_event_loop(asyncio.new_event_loop())\nloop = asyncio.get_event_loop()\nloop.run_until_complete(main())\n`,
    'asyncio.run already': `${MAIN}asyncio.run(main())\n`,
  };
  for (const [what, source] of Object.entries(refused)) {
    it(what, () => expect(asyncioRunFix(source.split('\n'))).toBeNull());
  }
});

describe('codeLines', () => {
  it('blanks comments and string contents, keeps f-string code and columns, and knows a line inside a triple-quoted string', () => {
    const code = codeLines(['x = "loop"  # loop', 'y = f"{loop}"', 's = """', 'loop', '"""', "z = 'a\\'b'"]);
    expect(code.map((l) => l.code)).toEqual(['x = "    "', 'y = f"{loop}"', 's = """', '', '"""', "z = '    '"]);
    expect(code.map((l) => l.inString)).toEqual([false, false, false, true, true, false]);
  });
});
