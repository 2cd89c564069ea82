import { BaseSequencer, type TestSpecification } from 'vitest/node';
import { defineConfig } from 'vitest/config';

/**
 * Files whose one test runs for minutes and cannot be shared between the two workers: started
 * first, so the other worker runs everything else meanwhile. Vitest's own order (by the last
 * run's durations) knows nothing in a fresh clone, and puts them by file size, which started the
 * 200 s bad-input test a minute in and left the other worker idle for the last 90 s of CI.
 */
const LONGEST_FIRST = ['test/bad-input/cli.test.ts', 'test/cli/fidelity.cli.test.ts'];

class LongestFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const rank = (spec: TestSpecification): number => {
      const at = LONGEST_FIRST.findIndex((name) => spec.moduleId.endsWith(`/${name}`));
      return at === -1 ? LONGEST_FIRST.length : at;
    };
    // Array sort is stable: the rest keep the order Vitest chose.
    return (await super.sort(files)).sort((a, b) => rank(a) - rank(b));
  }
}

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
    sequence: { sequencer: LongestFirst },
  },
});
