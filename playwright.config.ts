import { defineConfig } from '@playwright/test';
import { testHooksStorageState } from './src/app/testHooksFlag.ts';

// Browsers cannot be downloaded here: use Debian's Chromium (`apt-get install -y chromium`),
// or the one named by CHROMIUM_PATH.
const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
// Two developers' runs on one machine need two ports: E2E_PORT picks the preview server's.
const port = Number(process.env.E2E_PORT ?? 4173);
const baseURL = `http://127.0.0.1:${port}`;

export default defineConfig({
  testDir: 'e2e',
  timeout: 60_000,
  expect: { timeout: 15_000 },
  // Each page boots its own Pyodide (~3 s, one core busy): two at a time on a 2-core machine.
  workers: 2,
  fullyParallel: false,
  forbidOnly: process.env.CI !== undefined,
  // One retry in CI: a Pyodide boot on a loaded 2-core machine can pass a timeout once; a
  // test that fails twice still fails the run.
  retries: process.env.CI !== undefined ? 1 : 0,
  // `list` prints each test and ends with the "N passed" summary line CI logs show.
  reporter: [['list']],
  use: {
    baseURL,
    // Every page the tests open (the page fixture, context.newPage, browser.newContext) asks the
    // production build for its test hooks, which a learner's page does not install.
    storageState: testHooksStorageState(baseURL),
    screenshot: 'only-on-failure',
    // A trace records screencast frames all test long: only on the retry, where it explains a failure.
    trace: 'on-first-retry',
    launchOptions: {
      executablePath,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        // The app must never reach the network: every host but ours fails to resolve.
        '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1, EXCLUDE localhost',
      ],
    },
  },
  // Tests run against the production build (`npm run build` first), served with its headers.
  webServer: {
    command: `npx vite preview --host 127.0.0.1 --port ${port} --strictPort`,
    url: `http://127.0.0.1:${port}`,
    // A stale preview server from another checkout was once silently reused: always start ours.
    reuseExistingServer: false,
    timeout: 60_000,
  },
});
