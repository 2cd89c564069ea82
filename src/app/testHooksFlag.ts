/**
 * How a page is asked for its test hooks (src/app/testHooks.ts): a localStorage entry on the
 * app's origin. Playwright's config gives every e2e context this storage, and the page bench its
 * pages, so the production build (which the e2e tests run against) installs the hooks for them
 * and for nobody else. Plain data, no imports: Node's configs read it too.
 */
export const TEST_HOOKS_FLAG = 'loopscope.testHooks';

/** A Playwright `storageState` for `origin` that asks for the test hooks. */
export function testHooksStorageState(origin: string) {
  return { cookies: [], origins: [{ origin, localStorage: [{ name: TEST_HOOKS_FLAG, value: 'on' }] }] };
}
