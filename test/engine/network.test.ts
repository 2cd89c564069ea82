/**
 * The simulated network (README, "Simulated network"): tutorial-style programs (test/network/)
 * against their documented simulated behaviour, read from the trace, and identical on two runs.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Trace, TraceEvent } from '../../src/protocol/trace';
import { runProgram } from './sharedEngine';

const NETWORK_DIR = new URL('../network/', import.meta.url);
const program = (name: string): string => readFileSync(new URL(name, NETWORK_DIR), 'utf8');

/** The most request timers pending at once: requests on the wire, not those queued for a connection. */
function peakInFlight(events: readonly TraceEvent[]): number {
  const pending = new Set<number>();
  let peak = 0;
  for (const e of events) {
    if (e.e === 'sched' && e.on.k === 'request') pending.add(e.h);
    else if (e.e === 'run' || e.e === 'unsched') pending.delete(e.h);
    peak = Math.max(peak, pending.size);
  }
  return peak;
}

const requestTimers = (trace: Trace): number => trace.events.filter((e) => e.e === 'sched' && e.on.k === 'request').length;

/** The trace without the one figure that is real time. */
function comparable(trace: Trace): unknown {
  return { ...trace, stats: { ...trace.stats, pythonMs: 0 } };
}

async function traceOf(source: string, seed = 0): Promise<Trace> {
  const result = await runProgram(source, {}, seed);
  if (result.kind !== 'trace') throw new Error(result.problem.text);
  return result.trace;
}

async function twice(name: string): Promise<Trace> {
  const first = await traceOf(program(name));
  const second = await traceOf(program(name));
  expect(comparable(second)).toEqual(comparable(first));
  return first;
}

describe('simulated network: tutorial-style programs', () => {
  it('an aiohttp crawler with Semaphore(10) over 50 URLs: at most 10 requests in flight, exactly 10 at the peak', async () => {
    const trace = await twice('crawler-semaphore.py');
    expect(trace.end).toEqual({ kind: 'ok' });
    expect(trace.stdout).toBe('50 pages, 50 with 200\n');
    expect(requestTimers(trace)).toBe(50);
    expect(peakInFlight(trace.events)).toBe(10);
    // The tasks beyond the ten wait on the semaphore, not on a request.
    expect(trace.events.some((e) => e.e === 'suspend' && e.on.k === 'future' && e.on.api === 'Semaphore.acquire')).toBe(true);
  });

  it('retries with backoff: `status=503,503,200 latency=0.2` fails twice, then answers, at the documented times', async () => {
    const trace = await twice('retries-backoff.py');
    expect(trace.stdout).toBe(
      'attempt 1: 503 Service Unavailable; retrying in 0.5 s\n' +
        'attempt 2: 503 Service Unavailable; retrying in 1.0 s\n' +
        'done after 2.1 s\n',
    );
    // 0.2 + 0.5 + 0.2 + 1.0 + 0.2: three requests of 0.2 s and two backoff sleeps.
    expect(trace.stats.virtualTime).toBeCloseTo(2.1, 9);
  });

  it('ClientTimeout(total=2) on /delay/5: asyncio.TimeoutError at t = 2, the request timer cancelled', async () => {
    const trace = await twice('client-timeout.py');
    expect(trace.stdout).toBe('timed out at 2.0\n');
    const timer = trace.events.find((e) => e.e === 'sched' && e.on.k === 'request');
    expect(timer).toMatchObject({ on: { method: 'GET', url: 'https://httpbin.org/delay/5', task: 1 } });
    expect(timer !== undefined && timer.e === 'sched' && timer.when !== undefined && timer.when > 5).toBe(true);
    expect(trace.events.some((e) => e.e === 'unsched' && timer !== undefined && timer.e === 'sched' && e.h === timer.h)).toBe(true);
    expect(trace.events.some((e) => e.e === 'cancel' && e.via === 'timeout')).toBe(true);
  });

  it('httpx.AsyncClient with Limits(max_connections=5): 20 requests, at most 5 at once, the rest queued for a connection', async () => {
    const trace = await twice('httpx-limits.py');
    expect(trace.stdout).toBe("20 of 20\n{'page': '3'}\n");
    expect(peakInFlight(trace.events)).toBe(5);
    expect(trace.events.some((e) => e.e === 'suspend' && e.on.k === 'request' && e.on.queued === true)).toBe(true);
  });

  it('requests.get in coroutines blocks the loop: one block event per call, total time = the sum of the latencies', async () => {
    const trace = await twice('requests-in-coroutine.py');
    const blocks = trace.events.filter((e) => e.e === 'block');
    expect(blocks).toHaveLength(5);
    expect(blocks.map((b) => b.e === 'block' && b.req?.url)).toEqual([0, 1, 2, 3, 4].map((i) => `https://example.com/item/${i}`));
    const sum = blocks.reduce((s, b) => s + (b.e === 'block' ? b.d : 0), 0);
    expect(trace.stats.virtualTime).toBeCloseTo(sum, 9);
    expect(trace.stdout).toBe(`sum of latencies ${sum.toFixed(3)} s\ntook ${sum.toFixed(3)} s\n`);
    expect(requestTimers(trace)).toBe(0);
  });

  it('requests.get in asyncio.to_thread does not block: the calls overlap, total time = the slowest', async () => {
    const trace = await twice('requests-in-thread.py');
    expect(trace.events.some((e) => e.e === 'block')).toBe(false);
    const workers = trace.events.filter((e) => e.e === 'worker');
    expect(workers).toHaveLength(5);
    const slowest = Math.max(...workers.map((w) => (w.e === 'worker' ? w.d : 0)));
    expect(trace.stats.virtualTime).toBeCloseTo(slowest, 9);
    expect(trace.stdout).toBe(`slowest ${slowest.toFixed(3)} s\ntook ${slowest.toFixed(3)} s\n`);
  });

  it('malformed URLs: each library\'s own error and words, nothing sent', async () => {
    const trace = await twice('malformed-url.py');
    expect(trace.stdout).toBe(
      [
        'aiohttp NonHttpUrlClientError not%20a%20url',
        'aiohttp NonHttpUrlClientError ftp://example.com/file',
        'aiohttp InvalidUrlClientError http://',
        'aiohttp InvalidUrlClientError http://example.com:port/',
        "httpx UnsupportedProtocol Request URL is missing an 'http://' or 'https://' protocol.",
        "httpx UnsupportedProtocol Request URL has an unsupported protocol 'ftp://'.",
        'httpx ConnectError [Errno -2] Name or service not known',
        "httpx InvalidURL Invalid port: 'port'",
        "requests MissingSchema Invalid URL 'not a url': No scheme supplied. Perhaps you meant https://not a url?",
        "requests InvalidSchema No connection adapters were found for 'ftp://example.com/file'",
        "requests InvalidURL Invalid URL 'http://': No host supplied",
        'requests InvalidURL Failed to parse: http://example.com:port/',
        '',
      ].join('\n'),
    );
    expect(requestTimers(trace)).toBe(0);
    expect(trace.events.some((e) => e.e === 'block')).toBe(false);
  });

  it('a ClientSession never closed: "Unclosed client session" as aiohttp logs it when collected, named by a stable address; a closed one says nothing', async () => {
    const trace = await twice('unclosed-session.py');
    const shown = trace.stdout.split('\n').filter((line) => line.startsWith('200 ')).map((line) => line.slice(4));
    expect(shown).toHaveLength(2);
    expect(shown[0]).not.toBe(shown[1]);
    expect(shown[0]?.startsWith('<aiohttp.client.ClientSession object at 0x7f')).toBe(true);
    expect(trace.stderr).toBe(shown.map((repr) => `Unclosed client session\nclient_session: ${repr}\n`).join(''));
    // Said when the session is collected, at the end of fetch(): before "between" is printed.
    const firstWarning = trace.events.findIndex((e) => e.e === 'out' && e.fd === 'err');
    const between = trace.events.findIndex((e) => e.e === 'out' && e.fd === undefined && e.s.includes('between'));
    expect(firstWarning).toBeGreaterThan(-1);
    expect(firstWarning).toBeLessThan(between);
  });

  it('a body read twice is read once and kept; read after release: ClientConnectionError("Connection closed")', async () => {
    const trace = await twice('body-read-twice.py');
    expect(trace.stdout).toBe('True\nClientConnectionError Connection closed\n');
  });

  it('a session used after close: RuntimeError: Session is closed, at the learner\'s line', async () => {
    const trace = await twice('session-closed.py');
    expect(trace.stdout).toBe('200 False\nTrue\n');
    expect(trace.end).toMatchObject({ kind: 'exception', type: 'RuntimeError', message: 'Session is closed', line: 13 });
  });

  it('a host under .invalid fails as DNS would, in each library\'s words', async () => {
    const trace = await twice('invalid-host.py');
    const lines = trace.stdout.split('\n');
    expect(lines[0]).toBe('aiohttp ClientConnectorDNSError Cannot connect to host shop.invalid:443 ssl:default [Name or service not known]');
    expect(lines[1]).toBe('httpx ConnectError [Errno -2] Name or service not known');
    expect(lines[2]).toMatch(
      /^requests ConnectionError HTTPSConnectionPool\(host='shop\.invalid', port=443\): Max retries exceeded with url: \/cart \(Caused by NameResolutionError\("<urllib3\.connection\.HTTPSConnection object at 0x7f[0-9a-f]{10}>: Failed to resolve 'shop\.invalid' \(\[Errno -2\] Name or service not known\)"\)\)$/,
    );
  });

  it("TCPConnector's default limit: of 300 requests at once, exactly 100 are on the wire at the peak, the rest queued", async () => {
    const trace = await twice('three-hundred.py');
    expect(trace.stdout).toBe('300\n');
    expect(requestTimers(trace)).toBe(300);
    expect(peakInFlight(trace.events)).toBe(100);
    expect(trace.events.filter((e) => e.e === 'suspend' && e.on.k === 'request' && e.on.queued === true)).toHaveLength(200);
  });

  it('100,000 requests at once: never more than 100 on the wire, and the run ends at a limit instead of hanging', async () => {
    // Which limit comes first depends on the machine: 100,000 tasks' first steps reach the
    // step limit at t = 0, unless real time runs out first on a slow one.
    const trace = await traceOf(program('hundred-thousand.py'));
    expect(trace.end.kind === 'limit' && ['steps', 'wall-clock'].includes(trace.end.limit)).toBe(true);
    expect(peakInFlight(trace.events)).toBeLessThanOrEqual(100);
  }, 180_000);
});

describe('simulated network: determinism, rules and isolation', () => {
  const latencyProgram = `import asyncio, aiohttp
async def main():
    async with aiohttp.ClientSession() as s:
        for i in range(3):
            async with s.get(f"https://example.com/{i}") as r:
                await r.text()
    print(round(asyncio.get_running_loop().time(), 3))
asyncio.run(main())
`;

  it('latencies come from the URL and the seed: another seed draws others, the program\'s random is untouched', async () => {
    const a = await traceOf(latencyProgram, 0);
    const b = await traceOf(latencyProgram, 1);
    expect(a.stdout).not.toBe(b.stdout);
    const withRandom = await traceOf('import random, requests\nrequests.get("https://example.com/")\nprint(random.random())\n');
    const without = await traceOf('import random\nprint(random.random())\n');
    expect(withRandom.stdout).toBe(without.stdout);
  });

  it('a network comment sets latency, status and failures per URL pattern', async () => {
    const trace = await traceOf(`# loopscope: net GET https://api.example.com/slow* latency=2.5 status=503
# loopscope: net *down.example.com/* fail=connect
import requests
r = requests.get("https://api.example.com/slow/1")
print(r.status_code, r.elapsed.total_seconds())
try:
    requests.get("http://down.example.com/x")
except requests.ConnectionError as e:
    print("refused" if "Connection refused" in str(e) else e)
print(requests.post("https://api.example.com/slow/1").status_code)
`);
    expect(trace.stdout).toBe('503 2.5\nrefused\n200\n');
  });

  it('fail=timeout: requests with timeout=3 raises ReadTimeout after 3 s; without a timeout the run ends at the virtual-time limit, naming the request', async () => {
    const timed = await traceOf(`# loopscope: net https://slow.example.com/* fail=timeout
import requests, time
try:
    requests.get("https://slow.example.com/a", timeout=3)
except requests.exceptions.ReadTimeout as e:
    print(e, time.monotonic())
requests.get("https://slow.example.com/b")
`);
    expect(timed.stdout).toBe("HTTPSConnectionPool(host='slow.example.com', port=443): Read timed out. (read timeout=3) 3.0\n");
    expect(timed.end).toMatchObject({
      kind: 'limit',
      limit: 'virtual-time',
      line: 7,
      cause: 'request',
      request: { lib: 'requests', method: 'GET', url: 'https://slow.example.com/b' },
    });
  });

  it("httpx's default 5 s timeout: /delay/8 raises ReadTimeout at t = 5", async () => {
    const trace = await traceOf(`import asyncio, httpx
async def main():
    async with httpx.AsyncClient() as client:
        try:
            await client.get("https://httpbin.org/delay/8")
        except httpx.TimeoutException as e:
            print(type(e).__name__, asyncio.get_running_loop().time())
asyncio.run(main())
`);
    expect(trace.stdout).toBe('ReadTimeout 5.0\n');
  });

  it("httpx's words for a failed request: empty for AsyncClient's timeouts, anyio's for a refused connection, the socket's when blocking", async () => {
    // httpx passes on httpcore's message (httpx/_transports/default.py); httpcore's anyio
    // backend raises its timeouts with no message, anyio says "All connection attempts failed";
    // the sync backend gives the socket's words (ssl's for a read over https).
    const trace = await traceOf(`# loopscope: net *refused.example.com/* fail=connect
import asyncio, httpx
def show(e):
    print(type(e).__name__, repr(str(e)))
async def main():
    async with httpx.AsyncClient(timeout=1) as client:
        for url in ("https://httpbin.org/delay/3", "http://refused.example.com/", "http://x.invalid/"):
            try:
                await client.get(url)
            except httpx.HTTPError as e:
                show(e)
    for url in ("https://httpbin.org/delay/3", "http://httpbin.org/delay/3", "http://refused.example.com/"):
        try:
            httpx.get(url, timeout=1)
        except httpx.HTTPError as e:
            show(e)
asyncio.run(main())
`);
    expect(trace.stdout).toBe(
      [
        "ReadTimeout ''",
        "ConnectError 'All connection attempts failed'",
        "ConnectError '[Errno -2] Name or service not known'",
        "ReadTimeout 'The read operation timed out'",
        "ReadTimeout 'timed out'",
        "ConnectError '[Errno 111] Connection refused'",
        '',
      ].join('\n'),
    );
  });

  it('TCPConnector(limit_per_host=2): two hosts, five requests each: two per host on the wire, four in all', async () => {
    const trace = await traceOf(`import asyncio, aiohttp
async def get(session, url):
    async with session.get(url) as r:
        return r.status
async def main():
    async with aiohttp.ClientSession(connector=aiohttp.TCPConnector(limit_per_host=2)) as session:
        urls = [f"https://{host}.example.com/{i}" for host in ("a", "b") for i in range(5)]
        print(await asyncio.gather(*(get(session, u) for u in urls)))
asyncio.run(main())
`);
    expect(trace.stdout).toBe(`[${Array(10).fill('200').join(', ')}]\n`);
    expect(peakInFlight(trace.events)).toBe(4);
    const perHost = (host: string): number =>
      peakInFlight(trace.events.filter((e) => e.e !== 'sched' || e.on.k !== 'request' || e.on.url.startsWith(`https://${host}.`)));
    expect([perHost('a'), perHost('b')]).toEqual([2, 2]);
  });

  it('aiohttp.ClientSession() outside a coroutine: RuntimeError: no running event loop, as aiohttp says', async () => {
    const trace = await traceOf('import aiohttp\nsession = aiohttp.ClientSession()\n');
    expect(trace.end).toMatchObject({ kind: 'exception', type: 'RuntimeError', message: 'no running event loop', line: 2 });
  });

  it('a network comment that cannot be read is a notice in the trace (not in stderr), and the rest of the program runs', async () => {
    const trace = await traceOf('# loopscope: net https://x.example/* latency=soon\nprint("ran")\n');
    expect(trace.stdout).toBe('ran\n');
    expect(trace.stderr).toBe('');
    expect(trace.notices).toEqual([{ kind: 'net-comment-ignored', line: 1, problem: 'bad-latency', text: 'soon' }]);
  });

  it.each([
    ['# loopscope: net', 'no-pattern', null],
    ['# loopscope: net GET https://a.example/ latency', 'not-option', 'latency'],
    ['# loopscope: net https://a.example/ colour=red', 'unknown-option', 'colour'],
    ['# loopscope: net https://a.example/ status=700', 'bad-status', '700'],
    ['# loopscope: net https://a.example/ fail=maybe', 'bad-fail', 'maybe'],
    ['# loopscope: net https://a.example/ body="open', 'bad-quotes', null],
  ])('%s: the notice names the problem %s', async (comment, problem, text) => {
    const trace = await traceOf(`${comment}\nprint("ran")\n`);
    expect(trace.notices).toEqual([{ kind: 'net-comment-ignored', line: 1, problem, text }]);
  });

  it('a program without network comments has no notices', async () => {
    expect((await traceOf('print("ran")\n')).notices).toBeUndefined();
  });

  it('a request that fails says so on its timer: dns for an .invalid host', async () => {
    const trace = await twice('invalid-host.py');
    const timers = trace.events.flatMap((e) => (e.e === 'sched' && e.on.k === 'request' ? [e.on] : []));
    expect(timers.length).toBeGreaterThan(0);
    expect(timers.every((t) => t.fails === 'dns')).toBe(true);
    const blocks = trace.events.flatMap((e) => (e.e === 'block' && e.req !== undefined ? [e.req] : []));
    expect(blocks).toEqual([{ lib: 'requests', method: 'GET', url: 'https://shop.invalid/cart' }]);
  });

  it('every run imports the simulated libraries afresh: what one program changes is gone in the next', async () => {
    await traceOf('import aiohttp\naiohttp.ClientSession = None\n');
    const trace = await traceOf('import aiohttp\nprint(aiohttp.ClientSession is None)\n');
    expect(trace.stdout).toBe('False\n');
  });

  it('the rest of aiohttp (its server) is not simulated: ModuleNotFoundError that says so', async () => {
    const trace = await traceOf('from aiohttp import web\n');
    expect(trace.end).toMatchObject({ kind: 'exception', type: 'ModuleNotFoundError' });
    expect(trace.end.kind === 'exception' && trace.end.message).toContain('simulates only the client side');
    // Not "missing from the sandbox": the message itself says what is simulated.
    expect(trace.end.kind === 'exception' && trace.end.hint).toBeUndefined();
  });
});
