import { defineConfig } from 'vitest/config';

// Separate from vite.config.ts: unit tests run pure code and the engine in Node, and need
// neither the React plugin nor the Pyodide file server.
export default defineConfig({
  test: {
    environment: 'node',
    include: ['src/**/*.test.ts', 'test/**/*.test.ts', 'cli/**/*.test.ts'],
    // Pyodide boots in ~3 s per worker and the engine tests run the whole example corpus.
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // Forks, not threads: each Pyodide instance gets its own process and memory. Two at most:
    // the CI machine has two cores.
    pool: 'forks',
    maxWorkers: 2,
  },
});
