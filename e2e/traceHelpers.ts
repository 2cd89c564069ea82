/** The pure trace functions the tests compare the page with. */
import type { Trace } from '../src/protocol/trace';
import { consoleLines, indexTrace } from '../src/trace';
import type { ConsoleLine } from '../src/trace/types';

export function allConsoleLinesForTest(trace: Trace): readonly ConsoleLine[] {
  return consoleLines(indexTrace(trace));
}
