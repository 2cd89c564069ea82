import { describe, expect, it } from 'vitest';
import { crashedEnd } from '../trace/partialTrace';
import { localizedEndMessage } from './endMessages';

// Messages as the engine writes them (from the bad-input suite's runs).
const ENGINE = [
  'The loop at line 8 went round 500,736 times without an await: the event loop never got control back.',
  "The program's clock would pass 3600 s (next timer at t = 3601.000 s).",
  "time.sleep(1e+06) at line 8 would pass the 3600 s limit of the program's clock.",
  'The program ran more than 100,000 loop steps (at t = 0.000 s).',
  'The program used more than 1,024 MB of memory.',
  'The program printed more than 1,000,000 characters.',
  'The run recorded more than 1,000,000 events.',
  'The program ran for more than 10 s of real time (it was at line 4).',
  'The program ran for more than 10 s of real time inside one call that never returned to Python (e.g. sum(range(10**13))); it was stopped from outside.',
  'The program ran for more than 10 s of real time inside one call that never returned to Python (e.g. sum(range(10**13))); the engine was restarted to stop it.',
  crashedEnd('RangeError: Maximum call stack size exceeded').message,
  crashedEnd('Error: worker exited').message,
];

describe('localizedEndMessage', () => {
  it('leaves English alone', () => {
    for (const m of ENGINE) expect(localizedEndMessage(m, 'en')).toBe(m);
  });

  it('has Chinese for every message the engine writes, with its numbers', () => {
    for (const m of ENGINE) {
      const zh = localizedEndMessage(m, 'zh');
      expect(zh, m).not.toBe(m);
      expect(zh, m).toMatch(/[\u4e00-\u9fff]/);
      for (const n of m.match(/\d[\d,.]*/g) ?? []) expect(zh, m).toContain(n.replace(/[.,]$/, ''));
    }
  });

  it('says the engine was restarted when the message does', () => {
    const message = `${crashedEnd('RangeError: Maximum call stack size exceeded').message} Loopscope restarted the engine.`;
    expect(localizedEndMessage(message, 'zh')).toMatch(/C 栈溢出了.*Loopscope 已重启引擎。$/);
  });

  it('keeps a message it does not know in English rather than guess', () => {
    expect(localizedEndMessage('Something new.', 'zh')).toBe('Something new.');
  });
});
