/**
 * The engine words its run ends in English (the CLI prints them, and traces keep them). The page
 * shows them in the learner's language: each message the engine or the engine client can write
 * has a pattern here, its numbers carried over. A message no pattern knows stays in English;
 * test/bad-input's CLI suite checks that every limit and crash a fixture reaches is known.
 */
import type { Lang } from './lang';

type Translation = readonly [RegExp, (...parts: string[]) => string];

/** What the engine client adds to the end of a run whose worker it had to replace. */
export const ENGINE_RESTARTED = ' Loopscope restarted the engine.';

const ZH: readonly Translation[] = [
  [
    /^The loop at line (\d+) went round ([\d,]+) times without an await: the event loop never got control back\.$/,
    (line, rounds) => `第 ${line} 行的循环转了 ${rounds} 圈，中间没有一次 await：事件循环一直拿不回控制权。`,
  ],
  [
    /^The program's clock would pass (\S+) s \(next timer at t = (\S+) s\)\.$/,
    (limit, next) => `程序的时钟将超过 ${limit} 秒（下一个定时器在 t = ${next} s）。`,
  ],
  [
    /^time\.sleep\((\S+)\) at line (\d+) would pass the (\S+) s limit of the program's clock\.$/,
    (secs, line, limit) => `第 ${line} 行的 time.sleep(${secs}) 会让程序的时钟超过 ${limit} 秒的上限。`,
  ],
  [
    /^The program ran more than ([\d,]+) loop steps \(at t = (\S+) s\)\.$/,
    (steps, t) => `程序运行了超过 ${steps} 个循环步骤（此时 t = ${t} s）。`,
  ],
  [/^The program used more than ([\d,]+) MB of memory\.$/, (mb) => `程序使用了超过 ${mb} MB 的内存。`],
  [/^The program printed more than ([\d,]+) characters\.$/, (n) => `程序输出了超过 ${n} 个字符。`],
  [/^The run recorded more than ([\d,]+) events\.$/, (n) => `这次运行记录了超过 ${n} 个事件。`],
  [
    /^The program ran for more than (\S+) s of real time \(it was at line (\d+)\)\.$/,
    (secs, line) => `程序运行了超过 ${secs} 秒的真实时间（当时在第 ${line} 行）。`,
  ],
  [
    /^The program ran for more than (\S+) s of real time inside one call that never returned to Python \(e\.g\. sum\(range\(10\*\*13\)\)\); (?:the engine was restarted to stop it|it was stopped from outside)\.$/,
    (secs) => `程序在一次没有回到 Python 的调用里运行了超过 ${secs} 秒的真实时间（例如 sum(range(10**13))），只能从外部停止它。`,
  ],
  [
    /^Python itself crashed: its C stack overflowed \((.*)\)\. Something was nested too deeply .* where CPython raises RecursionError\. The trace shows what happened until then\.$/,
    (cause) =>
      `Python 本身崩溃了：它的 C 栈溢出了（${cause}）。程序里有东西嵌套得太深，超出了 Loopscope 所用的 Python（Pyodide，它的 C 栈比 CPython 的小）能承受的范围，例如一个嵌套了 100,000 层的列表的 repr；CPython 在这里会抛出 RecursionError。轨迹显示了崩溃之前发生的一切。`,
  ],
  [
    /^Python itself crashed during the run \((.*)\)\. The trace shows what happened until then\.$/,
    (cause) => `Python 本身在运行中崩溃了（${cause}）。轨迹显示了崩溃之前发生的一切。`,
  ],
];

/** `message` (an engine's RunEnd message) in `lang`; unchanged when it is English or unknown. */
export function localizedEndMessage(message: string, lang: Lang): string {
  if (lang === 'en') return message;
  const restarted = message.endsWith(ENGINE_RESTARTED);
  const core = restarted ? message.slice(0, -ENGINE_RESTARTED.length) : message;
  for (const [pattern, say] of ZH) {
    const match = pattern.exec(core);
    if (match) return say(...match.slice(1)) + (restarted ? 'Loopscope 已重启引擎。' : '');
  }
  return message;
}
