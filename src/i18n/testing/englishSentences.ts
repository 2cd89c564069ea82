/**
 * For tests of the Chinese UI: the English sentences left in a text. Three or more English words
 * in a row count as a sentence; a single name (Python, Pyodide, RecursionError), code
 * (`time.sleep(1e+06)`, `sum(range(10**13))`, `name = 'Ada'`) and figures do not. `allowed` are
 * texts that may stay English where they appear (CPython's own exception text, a task's name,
 * the host's error): they are taken out before looking.
 */
const ENGLISH_RUN = /[A-Za-z][A-Za-z']*(?:[ ,;:]+[A-Za-z][A-Za-z']*){2,}/g;

export function englishSentences(text: string, allowed: readonly string[] = []): string[] {
  let rest = text;
  for (const words of allowed) if (words !== '') rest = rest.split(words).join(' · ');
  return rest.match(ENGLISH_RUN) ?? [];
}
