/** The page checks what the engine's worker sends before the engine client sees it. */
import { describe, expect, it } from 'vitest';
import { resultOf, type FromWorker } from '../protocol/worker';
import { deliverFromWorker } from './bootstrap';

function handlers(onMessage: (message: FromWorker) => void = () => {}) {
  const delivered: FromWorker[] = [];
  const errors: string[] = [];
  return {
    delivered,
    errors,
    onMessage: (message: FromWorker) => {
      delivered.push(message);
      onMessage(message);
    },
    onError: (detail: string) => errors.push(detail),
  };
}

describe('deliverFromWorker', () => {
  it('hands a valid message to the client', () => {
    const h = handlers();
    deliverFromWorker({ type: 'ready', bootMs: 3000, pythonVersion: '3.14.2', bootedFrom: 'snapshot' }, h);
    expect(h.delivered).toEqual([{ type: 'ready', bootMs: 3000, pythonVersion: '3.14.2', bootedFrom: 'snapshot' }]);
    expect(h.errors).toEqual([]);
  });

  it('turns a message the protocol does not have into the client onError, naming the field', () => {
    const h = handlers();
    deliverFromWorker({ type: 'ready', bootMs: '3000', pythonVersion: '3.14.2', bootedFrom: 'snapshot' }, h);
    expect(h.delivered).toEqual([]);
    expect(h.errors).toEqual(['the engine sent a message Loopscope cannot read: message.bootMs: Invalid input: expected number, received string']);
  });

  it('turns a result that is not a RunResult (read by resultOf) into onError', () => {
    const h = handlers((message) => {
      if (message.type === 'result') resultOf(message);
    });
    deliverFromWorker({ type: 'result', id: 1, json: '{"kind":"trace","trace":{"version":2}}', runMs: 5 }, h);
    expect(h.errors).toHaveLength(1);
    expect(h.errors[0]).toMatch(/^the engine sent a result that is not a run result: result\.trace\.source: /);
  });

  it('lets any other error of the client through', () => {
    const h = handlers(() => {
      throw new TypeError('a bug in the client');
    });
    expect(() => deliverFromWorker({ type: 'booting' }, h)).toThrow('a bug in the client');
    expect(h.errors).toEqual([]);
  });
});
