import { describe, expect, it } from 'vitest';
import { compareFactText, compareSeconds, compareWords } from './compareWords';

const names = { pinned: 'sequential', current: 'gather' };

describe('compare words', () => {
  it('says the headline as the issue asks: "sequential: 6.0 s, gather: 3.0 s", and how much faster', () => {
    expect(compareFactText({ kind: 'time', pinned: 6, current: 3 }, names, 'en')).toBe(
      'Total time: sequential: 6.0 s, gather: 3.0 s: gather is 2.0× as fast',
    );
    expect(compareFactText({ kind: 'time', pinned: 3, current: 6 }, names, 'zh')).toBe('总用时：sequential：3.0 s，gather：6.0 s，sequential 快 2.0×');
    expect(compareFactText({ kind: 'time', pinned: 1, current: 1 }, names, 'en')).toBe('Total time: sequential: 1.0 s, gather: 1.0 s: the same');
    expect(compareFactText({ kind: 'time', pinned: 0, current: 1 }, names, 'en')).toBe('Total time: sequential: 0.0 s, gather: 1.0 s');
  });

  it('writes seconds with at least one decimal and at most three', () => {
    expect([6, 0.25, 1.1254, 0, 12.5].map(compareSeconds)).toEqual(['6.0 s', '0.25 s', '1.125 s', '0.0 s', '12.5 s']);
  });

  it('names the pitfalls only one run made, in both languages', () => {
    const fact = { kind: 'findings', onlyPinned: ['sequential-awaits'], onlyCurrent: [] } as const;
    expect(compareFactText(fact, names, 'en')).toBe('Pitfalls: only sequential has awaits one by one that could run together');
    expect(compareFactText(fact, names, 'zh')).toBe('常见的坑：只有 sequential 有本可并发却逐个 await');
  });

  it('has every word in both languages', () => {
    for (const lang of ['en', 'zh'] as const) {
      const w = compareWords(lang);
      expect(w.summary(6, 1, 2).length).toBeGreaterThan(5);
      expect(compareFactText({ kind: 'end', pinned: 'ok', current: 'deadlock' }, names, lang)).toContain(w.endKind.deadlock);
      expect(compareFactText({ kind: 'output', same: false }, names, lang)).not.toBe(compareFactText({ kind: 'output', same: true }, names, lang));
    }
    expect(compareWords('en').summary(6, 1, 2)).toBe('6.0 s · 1 step · 2 tasks');
  });
});
