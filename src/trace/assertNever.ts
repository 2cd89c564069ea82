/**
 * The default branch of an exhaustive `switch` over a trace event: if the protocol grows a new
 * event kind, every switch that forgot it stops compiling here instead of silently ignoring it.
 */
export function assertNever(value: never): never {
  throw new Error(`unexpected value in a trace: ${JSON.stringify(value)}`);
}
