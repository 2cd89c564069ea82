/**
 * The default branch of an exhaustive `switch` over one of the protocol's unions (a trace event,
 * a worker message, a run end): if the union grows a kind, every switch that forgot it stops
 * compiling here instead of silently ignoring it. At run time (data from a newer engine that got
 * past the schema) it names what it got. The one copy: every layer may import src/protocol.
 */
export function assertNever(value: never): never {
  throw new Error(`unexpected value, of a kind this code does not know: ${JSON.stringify(value)}`);
}
