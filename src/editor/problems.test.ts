import { describe, expect, it } from 'vitest';
import { findingText } from '../i18n/findings';
import { uiStrings } from '../i18n/ui';
import { BLOCKING, HAND_MADE, NEVER_AWAITED } from '../panels/fixtures/handMadeFindings';
import { findingProblems, problemsOf } from './problems';

describe("the editor's problems for the run's findings", () => {
  it('one per finding with a line, titled in the learner\'s language, its kind as the code', () => {
    expect(findingProblems(HAND_MADE, 'en')).toEqual([
      { severity: 'warning', line: 17, message: findingText(NEVER_AWAITED, 'en').title, code: 'never-awaited' },
      { severity: 'warning', line: 16, message: findingText(BLOCKING, 'en').title, code: 'blocking-call' },
    ]);
    expect(findingProblems([BLOCKING], 'zh')[0]?.message).toBe(findingText(BLOCKING, 'zh').title);
  });

  it('info stays info; an error finding is a warning beside the run\'s own errors', () => {
    expect(findingProblems([{ ...BLOCKING, severity: 'info' }], 'en')[0]?.severity).toBe('info');
    expect(findingProblems([NEVER_AWAITED], 'en')[0]?.severity).toBe('warning');
  });

  it("come after the run's own problems", () => {
    const t = uiStrings('en');
    const all = problemsOf(null, { kind: 'exception', type: 'ValueError', message: 'bad', traceback: '', line: 4 }, t, 'en', () => '', [BLOCKING]);
    expect(all.map((p) => [p.line, p.code])).toEqual([
      [4, undefined],
      [16, 'blocking-call'],
    ]);
  });
});
