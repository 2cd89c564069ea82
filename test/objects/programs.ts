/**
 * The objects programs: the observer (`_show.py`, which prints each object's internals from
 * CPython's own attributes) followed by one body from `bodies/`, exactly as make-programs.sh
 * puts them together for real CPython 3.13. Assembled when read, so the observer is kept once.
 */
import { readdirSync, readFileSync } from 'node:fs';

const HERE = new URL('./', import.meta.url);

/** The bodies' file names (`semaphore.py`, …), sorted. */
export const OBJECTS_PROGRAMS: readonly string[] = readdirSync(new URL('bodies/', HERE))
  .filter((name) => name.endsWith('.py'))
  .sort();

/** The whole program of that body, as CPython ran it to print `expected/`. */
export function objectsProgram(name: string): string {
  const read = (file: string): string => readFileSync(new URL(file, HERE), 'utf8');
  return `${read('_show.py')}\n\n${read(`bodies/${name}`)}`;
}
