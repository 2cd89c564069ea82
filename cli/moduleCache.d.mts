/** Types of cli/moduleCache.mjs (plain JavaScript: the CLI loads it before any TypeScript can be). */

/** The entry's module from its compiled file, or null when there is none that fits its sources. */
export function importCompiled(entryURL: URL): Promise<unknown>;

/** Compiles the entries that had no usable file, for the next command. */
export function compileForNextTime(entryURLs: readonly URL[]): Promise<void>;
