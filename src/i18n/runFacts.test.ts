import { describe, expect, it } from 'vitest';
import { runFactText } from './runNotices';

describe('runFactText', () => {
  it('says the simulated network, in both languages, with the count', () => {
    expect(runFactText({ kind: 'simulated-network', requests: 1 }, 'en')).toBe(
      'Simulated network: 1 request, each answered inside the page on the virtual clock; nothing left the page.',
    );
    expect(runFactText({ kind: 'simulated-network', requests: 50 }, 'en')).toContain('50 requests');
    expect(runFactText({ kind: 'simulated-network', requests: 50 }, 'zh')).toContain('50 个请求');
  });

  it('says a deprecated API with the removed-api words, and what a partial trace left out', () => {
    const deprecated = runFactText({ kind: 'deprecated-api', api: 'event-loop-policy', version: '3.14' }, 'en');
    expect(deprecated.startsWith('Deprecated: Python 3.14 deprecates asyncio')).toBe(true);
    expect(runFactText({ kind: 'deprecated-api', api: 'event-loop-policy', version: '3.14' }, 'zh').startsWith('已弃用：Python 3.14')).toBe(true);
    expect(runFactText({ kind: 'dropped', events: 2, chunks: 1 }, 'en')).toContain('2 events and 1 piece could not be read');
    expect(runFactText({ kind: 'dropped', events: 2, chunks: 1 }, 'zh')).toContain('2 个事件和 1 段数据');
  });
});
