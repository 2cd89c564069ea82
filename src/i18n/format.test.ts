import { describe, expect, it } from 'vitest';
import { callText, formatDelay, formatTime, taskLabelText } from './format';

describe('formatTime and formatDelay', () => {
  it('shows virtual time to the millisecond, with its unit', () => {
    expect(formatTime(1.25)).toBe('1.250 s');
    expect(formatTime(0)).toBe('0.000 s');
    expect(formatTime(-0)).toBe('0.000 s');
    expect(formatTime(0.1 + 0.2)).toBe('0.300 s');
    expect(formatTime(3600)).toBe('3600.000 s');
  });

  it('shows a delay as the learner wrote it', () => {
    expect(formatDelay(1)).toBe('1');
    expect(formatDelay(0.5)).toBe('0.5');
    expect(formatDelay(0.1 + 0.2)).toBe('0.3');
  });
});

describe('names of code', () => {
  it('a task label with which one, a callback with its arguments', () => {
    expect(taskLabelText({ label: 'worker', which: 'Task-3' })).toBe('worker (Task-3)');
    expect(taskLabelText({ label: 'fetch', which: null })).toBe('fetch');
    expect(callText({ fn: 'callback', args: '(3)' })).toBe('callback(3)');
    expect(callText({ fn: 'Future.set_result', args: null })).toBe('Future.set_result');
  });
});
