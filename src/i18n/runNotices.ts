/**
 * The words of what Loopscope says about a run itself (Trace.notices), the note that a run
 * used the simulated network, and the run's facts beside its end (src/trace/runFacts.ts), in
 * English and Simplified Chinese. The page shows the notices above the output and the facts in
 * the run-end panel; the CLI prints the English notices as `loopscope:` lines on stderr.
 */
import type { NetCommentProblem, RunNotice } from '../protocol/trace';
import type { RunFact } from '../trace/runFacts';
import { hintSentence } from './endWords';
import type { Lang } from './lang';
import { render, type Renderers } from './renderers';

interface NoticeWords {
  readonly notice: Renderers<RunNotice>;
  readonly fact: Renderers<RunFact>;
  /** The tag itself, and what it means (its tooltip). */
  readonly simulatedNetwork: { readonly tag: string; readonly detail: string };
}

const problemEn = (problem: NetCommentProblem, text: string | null): string => {
  const word = text === null ? '' : ` ${JSON.stringify(text)}`;
  switch (problem) {
    case 'no-pattern':
      return 'a URL pattern must follow `net` (e.g. https://api.example.com/*)';
    case 'not-option':
      return `expected option=value, not${word}`;
    case 'unknown-option':
      return `unknown option${word} (latency=, status=, fail=, body=)`;
    case 'bad-latency':
      return `latency must be a number of seconds from 0 up (2.5, 2.5s, 250ms), not${word}`;
    case 'bad-status':
      return `status must be an HTTP status code from 100 to 599, not${word}`;
    case 'bad-fail':
      return `fail must be dns, connect, timeout or none, not${word}`;
    case 'bad-quotes':
      return 'a quote is not closed';
  }
};

const problemZh = (problem: NetCommentProblem, text: string | null): string => {
  const word = text === null ? '' : ` ${JSON.stringify(text)}`;
  switch (problem) {
    case 'no-pattern':
      return '`net` 后面要跟一个 URL 模式（例如 https://api.example.com/*）';
    case 'not-option':
      return `应当写成 选项=值，而不是${word}`;
    case 'unknown-option':
      return `未知的选项${word}（可用 latency=、status=、fail=、body=）`;
    case 'bad-latency':
      return `latency 必须是不小于 0 的秒数（2.5、2.5s、250ms），而不是${word}`;
    case 'bad-status':
      return `status 必须是 100 到 599 之间的 HTTP 状态码，而不是${word}`;
    case 'bad-fail':
      return `fail 只能是 dns、connect、timeout 或 none，而不是${word}`;
    case 'bad-quotes':
      return '有一个引号没有闭合';
  }
};

const plural = (n: number, one: string, many: string): string => `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;

const en: NoticeWords = {
  notice: {
    'net-comment-ignored': ({ line, problem, text }) => `line ${line}: this network comment is ignored: ${problemEn(problem, text)}`,
  },
  fact: {
    'simulated-network': ({ requests }) =>
      `Simulated network: ${plural(requests, 'request', 'requests')}, each answered inside the page on the virtual clock; nothing left the page.`,
    'deprecated-api': ({ api, version }) =>
      `Deprecated: ${hintSentence({ k: 'removed-api', api, version }, 'en')}`,
    dropped: ({ events, chunks }) =>
      `This trace is partial, and not all of what the run sent before it was stopped: ` +
      `${plural(events, 'event', 'events')} and ${plural(chunks, 'piece', 'pieces')} could not be read and are left out.`,
  },
  simulatedNetwork: {
    tag: 'simulated network',
    detail: 'No request left the page: the latencies and responses are simulated (README, "Simulated network")',
  },
};

const zh: NoticeWords = {
  notice: {
    'net-comment-ignored': ({ line, problem, text }) => `第 ${line} 行：这条网络注释被忽略了：${problemZh(problem, text)}`,
  },
  fact: {
    'simulated-network': ({ requests }) =>
      `模拟网络：${requests.toLocaleString('en-US')} 个请求，都在页面内按虚拟时钟得到回应；没有任何请求离开页面。`,
    'deprecated-api': ({ api, version }) => `已弃用：${hintSentence({ k: 'removed-api', api, version }, 'zh')}`,
    dropped: ({ events, chunks }) =>
      `这份轨迹不完整，并非运行在被停止前发来的全部内容：有 ${events.toLocaleString('en-US')} 个事件和 ` +
      `${chunks.toLocaleString('en-US')} 段数据无法读取，已略去。`,
  },
  simulatedNetwork: {
    tag: '模拟网络',
    detail: '没有任何请求离开页面：延迟和响应都是模拟出来的（见 README 的 “Simulated network”）',
  },
};

const WORDS: Readonly<Record<Lang, NoticeWords>> = { en, zh };

/** A run notice: "line 3: this network comment is ignored: …". */
export function runNoticeText(notice: RunNotice, lang: Lang): string {
  return render(WORDS[lang].notice, notice);
}

/** The note beside the output of a run that used the simulated network. */
export function simulatedNetworkText(lang: Lang): { readonly tag: string; readonly detail: string } {
  return WORDS[lang].simulatedNetwork;
}

/** A fact of the run beside its end: "Simulated network: 50 requests, …". */
export function runFactText(fact: RunFact, lang: Lang): string {
  return render(WORDS[lang].fact, fact);
}
