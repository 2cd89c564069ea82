import { describe, expect, it } from 'vitest';
import { parseArgs } from './args';

describe('parseArgs --compat', () => {
  it('takes 3.13 on run, trace and tasks', () => {
    for (const command of ['run', 'trace', 'tasks']) {
      expect(parseArgs([command, 'old.py', '--compat', '3.13'])).toEqual({ ok: true, args: { command, file: 'old.py', compat: '3.13' } });
      expect(parseArgs([command, '--compat', '3.13', 'old.py'])).toEqual({ ok: true, args: { command, file: 'old.py', compat: '3.13' } });
    }
  });

  it('leaves compat out when not asked for', () => {
    expect(parseArgs(['run', 'new.py'])).toEqual({ ok: true, args: { command: 'run', file: 'new.py' } });
  });

  it('refuses another version, a missing one, and bench, saying which it knows', () => {
    for (const argv of [
      ['run', 'old.py', '--compat', '3.12'],
      ['run', 'old.py', '--compat', '3.13.0'],
      ['run', 'old.py', '--compat'],
    ]) {
      const parsed = parseArgs(argv);
      expect(parsed.ok, argv.join(' ')).toBe(false);
      if (!parsed.ok) expect(parsed.message).toContain('the one it knows is 3.13');
    }
    const wrong = parseArgs(['run', 'old.py', '--compat', '3.12']);
    if (!wrong.ok) expect(wrong.message).toContain("cannot run as Python '3.12'");
    expect(parseArgs(['bench', 'old.py', '--compat', '3.13'])).toEqual({ ok: false, message: '--compat is for run, trace, tasks and lint, not bench' });
  });
});
