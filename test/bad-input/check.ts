/** Compare what the engine did with a fixture's expectation: the list of what differs (empty = as expected). */
import { readFileSync } from 'node:fs';
import { endSentence, whySentence } from '../../src/i18n/endWords';
import type { Lang } from '../../src/i18n/lang';
import { englishSentences } from '../../src/i18n/testing/englishSentences';
import type { RunEnd, RunResult } from '../../src/protocol/trace';
import { causeOf, type BadInputCase } from './cases';

const HERE = new URL('./', import.meta.url);

export function fixtureSource(file: string): string {
  return readFileSync(new URL(file, HERE), 'utf8');
}

/**
 * The words a learner reads for this end, in `lang`: CPython's `${type}: ${message}` for a syntax
 * error and an exception (the same in every language), src/i18n's words for an end the program did
 * not reach by itself. What the cases' messageIncludes are matched against (in English).
 */
export function endText(result: RunResult, lang: Lang = 'en'): string {
  if (result.kind === 'syntax-error') return `${result.problem.type}: ${result.problem.message}`;
  const end = result.trace.end;
  if (end.kind === 'exception') return `${end.type}: ${end.message}`;
  return endSentence(end, lang) ?? '';
}

/** What may stay English in an end's Chinese words: figures that are names or the host's error text. */
export function mayStayEnglish(end: RunEnd): string[] {
  switch (end.kind) {
    case 'deadlock':
      return end.stuck.map((s) => s.name);
    case 'crashed':
      return [end.detail];
    case 'exception':
      return end.hint?.k === 'missing-module' ? [end.hint.module] : [];
    case 'ok':
    case 'exit':
    case 'limit':
    case 'stopped':
      return [];
  }
}

/**
 * How the end's words fail in either language: a sentence (or hint) missing or empty, or English
 * sentences in the Chinese. Empty when both languages say it.
 */
export function wordingProblems(end: RunEnd): string[] {
  const found: string[] = [];
  const en = whySentence(end, 'en');
  const zh = whySentence(end, 'zh');
  const needsWords = end.kind === 'limit' || end.kind === 'deadlock' || end.kind === 'stopped' || end.kind === 'crashed' || (end.kind === 'exception' && end.hint !== undefined);
  if (!needsWords) return found;
  if (en === null || en.trim() === '') found.push(`no English words for ${JSON.stringify(end)}`);
  if (zh === null || zh.trim() === '') found.push(`no Chinese words for ${JSON.stringify(end)}`);
  else {
    if (!/[\u4e00-\u9fff]/.test(zh)) found.push(`the Chinese words are not Chinese: ${zh}`);
    const english = englishSentences(zh, mayStayEnglish(end));
    if (english.length > 0) found.push(`English in the Chinese words: ${english.join(' | ')} (${zh})`);
  }
  return found;
}

export function differences(testCase: BadInputCase, result: RunResult): string[] {
  const want = testCase.expect;
  const found: string[] = [];
  const kind = result.kind === 'syntax-error' ? 'syntax-error' : result.trace.end.kind;
  if (kind !== want.kind) found.push(`ended as ${kind} (${endText(result)}), expected ${want.kind}`);
  const text = endText(result);
  for (const words of want.messageIncludes ?? []) {
    if (!text.includes(words)) found.push(`message "${text}" lacks "${words}"`);
  }
  if (result.kind === 'syntax-error') {
    if (want.line !== undefined && result.problem.line !== want.line) found.push(`line ${result.problem.line}, expected ${want.line}`);
    return found;
  }
  const trace = result.trace;
  const end = trace.end;
  // The other limit a case allows (orLimit) is checked for its kind only: its cause is the machine's.
  const otherLimit = end.kind === 'limit' && want.orLimit !== undefined && end.limit === want.orLimit;
  if (end.kind === 'limit' && want.limit !== undefined && end.limit !== want.limit && !otherLimit) found.push(`limit ${end.limit}, expected ${want.limit}`);
  const cause = end.kind === 'limit' ? causeOf(end) : null;
  if (end.kind === 'limit' && !otherLimit && (want.cause ?? null) !== cause && (want.orCause === undefined || want.orCause !== cause)) {
    found.push(`limit ${end.limit} by ${String(cause)}, expected ${String(want.cause ?? null)}${want.orCause === undefined ? '' : ` or ${want.orCause}`}`);
  }
  if (want.line !== undefined && (end.kind === 'exception' || end.kind === 'limit') && end.line !== want.line) {
    found.push(`line ${String(end.line)}, expected ${want.line}`);
  }
  if (want.exitCode !== undefined && end.kind === 'exit' && end.code !== want.exitCode) found.push(`exit ${end.code}, expected ${want.exitCode}`);
  const hint = end.kind === 'exception' ? end.hint?.k : undefined;
  if (hint !== want.hint) found.push(`the hint is ${String(hint)}, expected ${String(want.hint)}`);
  found.push(...wordingProblems(end));
  for (const kindOfWarning of want.warnings ?? []) {
    if (!trace.events.some((e) => e.e === 'warn' && e.kind === kindOfWarning)) found.push(`no ${kindOfWarning} warning`);
  }
  if (want.stuckOn !== undefined) {
    const apis = end.kind === 'deadlock' ? end.stuck.map((s) => (s.on?.k === 'future' ? s.on.api : undefined)) : [];
    for (const api of want.stuckOn) if (!apis.includes(api)) found.push(`no task stuck on ${api} (${apis.join(', ')})`);
  }
  if (testCase.stdoutFile !== undefined) {
    const expected = readFileSync(new URL(testCase.stdoutFile, HERE), 'utf8');
    if (trace.stdout !== expected) found.push(`stdout differs from CPython's (${JSON.stringify(trace.stdout.slice(0, 120))})`);
  }
  return found;
}
