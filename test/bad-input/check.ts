/** Compare what the engine did with a fixture's expectation: the list of what differs (empty = as expected). */
import { readFileSync } from 'node:fs';
import type { RunResult } from '../../src/protocol/trace';
import { endHint } from '../../src/trace/endHint';
import type { BadInputCase } from './cases';

const HERE = new URL('./', import.meta.url);

export function fixtureSource(file: string): string {
  return readFileSync(new URL(file, HERE), 'utf8');
}

/** The words a learner reads for this end: what the cases' messageIncludes are matched against. */
export function endText(result: RunResult): string {
  if (result.kind === 'syntax-error') return `${result.problem.type}: ${result.problem.message}`;
  const end = result.trace.end;
  switch (end.kind) {
    case 'exception':
      return `${end.type}: ${end.message}`;
    case 'limit':
    case 'deadlock':
    case 'stopped':
    case 'crashed':
      return end.message;
    case 'ok':
    case 'exit':
      return '';
  }
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
  if (end.kind === 'limit' && want.limit !== undefined && end.limit !== want.limit) found.push(`limit ${end.limit}, expected ${want.limit}`);
  if (want.line !== undefined && (end.kind === 'exception' || end.kind === 'limit') && end.line !== want.line) {
    found.push(`line ${String(end.line)}, expected ${want.line}`);
  }
  if (want.exitCode !== undefined && end.kind === 'exit' && end.code !== want.exitCode) found.push(`exit ${end.code}, expected ${want.exitCode}`);
  const hint = endHint(end)?.kind;
  if (hint !== want.hint) found.push(`the page's hint is ${String(hint)}, expected ${String(want.hint)}`);
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
