import { describe, expect, it } from 'vitest';
import type { NetCommentProblem, RunNotice } from '../protocol/trace';
import { runNoticeText, simulatedNetworkText } from './runNotices';

const PROBLEMS: Record<NetCommentProblem, string | null> = {
  'no-pattern': null,
  'not-option': 'latency',
  'unknown-option': 'colour',
  'bad-latency': 'soon',
  'bad-status': '700',
  'bad-fail': 'maybe',
  'bad-quotes': null,
};

describe('run notices', () => {
  it('a network comment notice names its line and the offending word, in both languages', () => {
    const notice: RunNotice = { kind: 'net-comment-ignored', line: 3, problem: 'bad-latency', text: 'soon' };
    expect(runNoticeText(notice, 'en')).toBe(
      'line 3: this network comment is ignored: latency must be a number of seconds from 0 up (2.5, 2.5s, 250ms), not "soon"',
    );
    expect(runNoticeText(notice, 'zh')).toBe('第 3 行：这条网络注释被忽略了：latency 必须是不小于 0 的秒数（2.5、2.5s、250ms），而不是 "soon"');
  });

  it.each(Object.entries(PROBLEMS))('%s has words in each language, each different', (problem, text) => {
    const notice: RunNotice = { kind: 'net-comment-ignored', line: 1, problem: problem as NetCommentProblem, text };
    const en = runNoticeText(notice, 'en');
    const zh = runNoticeText(notice, 'zh');
    expect(en).toMatch(/^line 1: this network comment is ignored: ./);
    expect(zh).toMatch(/^第 1 行：/);
    if (text !== null) expect([en.includes(text), zh.includes(text)]).toEqual([true, true]);
    const others = Object.keys(PROBLEMS).filter((p) => p !== problem);
    for (const other of others) {
      expect(runNoticeText({ ...notice, problem: other as NetCommentProblem }, 'en')).not.toBe(en);
    }
  });

  it('the simulated-network note says so in each language', () => {
    const en = simulatedNetworkText('en');
    const zh = simulatedNetworkText('zh');
    expect([en.tag, zh.tag]).toEqual(['simulated network', '模拟网络']);
    expect(en.detail).toMatch(/^No request left the page/);
    expect(zh.detail).toMatch(/^没有任何请求离开页面/);
  });
});
