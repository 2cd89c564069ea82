/**
 * What every part of the protocol's schema is made of: tying a zod schema to its protocol type
 * (`sameShape<SameShape<typeof schema, Type>>()` compiles only when the schema parses to exactly
 * the type, so a field added, dropped or retyped on one side and not the other fails the
 * typecheck), and the small schemas (seconds, ids, lines, a list as it changed).
 */
import { z } from 'zod';

// The page's Content-Security-Policy forbids eval, which zod's compiled fast path needs; the
// interpreted path is the one the page gets, so Node (tests, CLI, bench) uses it too. Set here,
// in the module every schema file imports first.
z.config({ jitless: true });

/** The type with `readonly` taken off at every depth (zod's output is mutable). */
type Mutable<T> = T extends Int32Array ? T : { -readonly [K in keyof T]: Mutable<T[K]> };

/** True only when A and B are the same type (not merely assignable either way). */
type Equal<A, B> = (<G>() => G extends A ? 1 : 2) extends <G>() => G extends B ? 1 : 2 ? true : false;

/** Compiles only when `Schema` parses to exactly `T`. */
export type SameShape<Schema extends z.ZodType, T> = Equal<z.output<Schema>, Mutable<T>>;
export function sameShape<_Check extends true>(): void {}

// ---- The small schemas ---------------------------------------------------------------------

export const seconds = z.number();
export const count = z.int().nonnegative();
export const id = z.int().positive();
export const line = z.int().positive();
export const lineOrNull = line.nullable();
export const taskOrNull = id.nullable();

/** A list as it changed (ListChange): the whole new list, or items dropped front/back and appended. */
export const listChange = <T extends z.ZodType>(item: T) =>
  z.union([
    z.array(item),
    z.strictObject({ d: count.optional(), b: count.optional(), a: z.array(item).optional() }),
  ]);
