/**
 * The problems the editor underlines, as plain data: a syntax error where CPython put it, the
 * line an uncaught exception came from, the line a limit stopped, where deadlocked tasks are
 * stuck, and each pitfall found in the run (a finding) on its line, titled in the learner's
 * language. Monaco markers are made from these in CodeEditor.
 */
import { findingText } from '../i18n/findings';
import { hintSentence, limitSentence } from '../i18n/endWords';
import type { Lang } from '../i18n/lang';
import type { UiStrings } from '../i18n/ui';
import type { Line, RunEnd, SyntaxProblem } from '../protocol/trace';
import type { Finding } from '../trace/findings/types';
import type { DescribeAwait } from './lineMarks';

export interface Problem {
  readonly severity: 'error' | 'warning' | 'info';
  readonly line: Line;
  /** 1-based; absent: from the first non-blank character. */
  readonly column?: number;
  readonly endLine?: Line;
  /** 1-based, exclusive; absent: to the end of the line. */
  readonly endColumn?: number;
  readonly message: string;
  /** A finding's kind (`blocking-call`): the marker's code, which the quick fixes look for. */
  readonly code?: Finding['kind'];
}

export function problemsOf(
  syntax: SyntaxProblem | null,
  end: RunEnd | null,
  t: UiStrings,
  lang: Lang,
  describe: DescribeAwait,
  findings: readonly Finding[] = [],
): Problem[] {
  return [...runProblems(syntax, end, t, lang, describe), ...findingProblems(findings, lang)];
}

/**
 * A finding is advice about a run that worked (or the reason one did not): a warning, or info
 * for one that only costs time, never an error squiggle beside the run's own errors.
 */
export function findingProblems(findings: readonly Finding[], lang: Lang): Problem[] {
  return findings.flatMap((f) =>
    f.line === null
      ? []
      : [{ severity: f.severity === 'info' ? ('info' as const) : ('warning' as const), line: f.line, message: findingText(f, lang).title, code: f.kind }],
  );
}

function runProblems(syntax: SyntaxProblem | null, end: RunEnd | null, t: UiStrings, lang: Lang, describe: DescribeAwait): Problem[] {
  if (syntax) {
    return [
      {
        severity: 'error',
        line: syntax.line,
        column: Math.max(1, syntax.column),
        endLine: syntax.endLine,
        endColumn: syntax.endColumn,
        message: `${syntax.type}: ${syntax.message}`,
      },
    ];
  }
  if (!end) return [];
  switch (end.kind) {
    case 'exception': {
      if (end.line === null) return [];
      const message = `${end.type}: ${end.message}`;
      return [{ severity: 'error', line: end.line, message: end.hint === undefined ? message : `${message}\n\n${hintSentence(end.hint, lang)}` }];
    }
    case 'limit':
      return end.line === null
        ? []
        : [{ severity: 'warning', line: end.line, message: `${t.limitName[end.limit]}: ${limitSentence(end, lang)}` }];
    case 'deadlock':
      return end.stuck.flatMap((s) =>
        s.line === null ? [] : [{ severity: 'warning' as const, line: s.line, message: t.stuckHere(s.name, s.on ? describe(s.on) : '') }],
      );
    case 'ok':
    case 'exit':
    case 'stopped':
    case 'crashed':
      return [];
  }
}
