/**
 * The boot's download counter (bootDownloads.ts) on fake responses: bytes counted as the body is
 * read, totals from the build, from the snapshot's own head or from an unencoded Content-Length,
 * the stage turning to `starting` only when every file is in, and reports throttled.
 */
import { describe, expect, it } from 'vitest';
import type { BootDownload, BootFile, BootStage } from '../protocol/worker';
import { countBootDownloads } from './bootDownloads';
import { encodeSnapshot, snapshotFileBytes } from './snapshotFile';

function streamOf(chunks: readonly Uint8Array[]): ReadableStream<Uint8Array> {
  return new ReadableStream({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(chunk);
      controller.close();
    },
  });
}

/**
 * A body whose first chunk is there at once and the rest only after `release()`: the counter reads
 * its clone of the body as fast as bytes come, so "after the first chunk" needs the rest held back.
 */
function heldBack(first: Uint8Array, rest: readonly Uint8Array[]): { stream: ReadableStream<Uint8Array>; release: () => void } {
  let release = () => {};
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(first);
      release = () => {
        for (const chunk of rest) controller.enqueue(chunk);
        controller.close();
      };
    },
  });
  return { stream, release: () => release() };
}

/** The counter reads a clone of each body on its own: let it catch up. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

function setup(responses: Record<string, () => Response>, known: Partial<Record<BootFile, number>> = {}) {
  const reports: { stage: BootStage; downloads: readonly BootDownload[] }[] = [];
  let clock = 0;
  const downloads = countBootDownloads({
    fetch: (input) => Promise.resolve((responses[typeof input === 'string' ? input : ''] ?? (() => new Response(null, { status: 404 })))()),
    fileOf: (url) => (url.endsWith('.wasm') ? 'wasm' : url.endsWith('.zip') ? 'stdlib' : url.endsWith('.snap') ? 'snapshot' : null),
    knownBytes: (file) => known[file] ?? null,
    onProgress: (stage, d) => reports.push({ stage, downloads: d }),
    now: () => (clock += 10),
  });
  return { downloads, reports };
}

const bytes = (n: number, fill = 1) => new Uint8Array(n).fill(fill);

describe('countBootDownloads', () => {
  it('counts the bytes as they come and hands over the very response fetch gave (its cache ties kept)', async () => {
    const { downloads } = setup(
      { 'x.wasm': () => new Response(streamOf([bytes(3), bytes(4)]), { headers: { 'Content-Type': 'application/wasm' } }) },
      { wasm: 7 },
    );
    const given: Response[] = [];
    const counted = countBootDownloads({
      fetch: () => {
        const response = new Response(streamOf([bytes(1)]));
        given.push(response);
        return Promise.resolve(response);
      },
      fileOf: () => 'wasm',
      knownBytes: () => null,
      onProgress: () => {},
    });
    expect(await counted.fetch('y.wasm')).toBe(given[0]);
    const response = await downloads.fetch('x.wasm');
    expect(response.headers.get('Content-Type')).toBe('application/wasm');
    expect(new Uint8Array(await response.arrayBuffer())).toEqual(new Uint8Array(7).fill(1));
    await settle();
    expect(downloads.downloads().find((d) => d.file === 'wasm')).toEqual({ file: 'wasm', loaded: 7, total: 7, done: true });
  });

  /** The snapshot-or-stdlib figures after the first chunk of the body was read, before the rest. */
  async function afterFirstChunk(
    downloads: ReturnType<typeof setup>['downloads'],
    url: string,
    file: BootFile,
    release: () => void,
  ): Promise<BootDownload | undefined> {
    const reader = (await downloads.fetch(url)).body?.getReader();
    await reader?.read();
    await settle();
    const seen = downloads.downloads().find((d) => d.file === file);
    release();
    while (reader !== undefined && !(await reader.read()).done);
    await settle();
    return seen;
  }

  it('takes the total from an unencoded Content-Length, never from an encoded one', async () => {
    const plainBody = heldBack(bytes(5), [bytes(5)]);
    const encodedBody = heldBack(bytes(5), [bytes(5)]);
    const plain = setup({ 'a.zip': () => new Response(plainBody.stream, { headers: { 'Content-Length': '10' } }) });
    const encoded = setup({ 'a.zip': () => new Response(encodedBody.stream, { headers: { 'Content-Length': '2', 'Content-Encoding': 'br' } }) });
    expect(await afterFirstChunk(plain.downloads, 'a.zip', 'stdlib', plainBody.release)).toEqual({ file: 'stdlib', loaded: 5, total: 10, done: false });
    expect(await afterFirstChunk(encoded.downloads, 'a.zip', 'stdlib', encodedBody.release)).toEqual({ file: 'stdlib', loaded: 5, total: null, done: false });
    // Once whole, what came is the total.
    expect(encoded.downloads.downloads().find((d) => d.file === 'stdlib')).toEqual({ file: 'stdlib', loaded: 10, total: 10, done: true });
  });

  it("reads the snapshot's size from its first bytes", async () => {
    const heap = bytes(3 * 4096 + 100, 7);
    new DataView(heap.buffer).setUint32(4, 16, true); // Pyodide's header length
    const file = encodeSnapshot(heap, { pyodideVersion: '1', engineHash: 'h', stdlib: 's' }, { bytes: bytes(5000, 7), segments: 1 });
    // The head (magic and metadata) is a few hundred bytes.
    expect(snapshotFileBytes(file.subarray(0, 600))).toBe(file.length);
    expect(snapshotFileBytes(file.subarray(0, 10))).toBeNull();
    const body = heldBack(file.subarray(0, 700), [file.subarray(700)]);
    const { downloads } = setup({ 'e.snap': () => new Response(body.stream) });
    expect(await afterFirstChunk(downloads, 'e.snap', 'snapshot', body.release)).toEqual({ file: 'snapshot', loaded: 700, total: file.length, done: false });
  });

  it('is downloading until every file is in, then starting; a missing file ends its download', async () => {
    const { downloads, reports } = setup({
      'x.wasm': () => new Response(streamOf([bytes(2)])),
      'y.zip': () => new Response(streamOf([bytes(2)])),
    });
    await (await downloads.fetch('x.wasm')).arrayBuffer();
    await settle();
    expect(reports.at(-1)?.stage).toBe('downloading');
    expect((await downloads.fetch('missing.snap')).status).toBe(404);
    expect(reports.at(-1)?.stage).toBe('downloading');
    await (await downloads.fetch('y.zip')).arrayBuffer();
    await settle();
    expect(reports.at(-1)?.stage).toBe('starting');
    expect(downloads.downloads().map((d) => [d.file, d.loaded, d.done])).toEqual([
      ['wasm', 2, true],
      ['stdlib', 2, true],
      ['snapshot', 0, true],
    ]);
  });

  it('reports at most every 100 ms while bytes arrive', async () => {
    const chunks = Array.from({ length: 50 }, () => bytes(1));
    const { downloads, reports } = setup({ 'x.wasm': () => new Response(streamOf(chunks)) });
    await (await downloads.fetch('x.wasm')).arrayBuffer();
    await settle();
    // The fake clock moves 10 ms a reading: 50 chunks are ~500 ms, so ~5 reports, plus the start and the end.
    expect(reports.length).toBeLessThan(12);
    expect(reports.at(-1)?.downloads[0]).toEqual({ file: 'wasm', loaded: 50, total: 50, done: true });
  });

  it('hands a prefetched response to the next fetch of its address, counted once, and keeps the body asked for', async () => {
    let fetches = 0;
    const downloads = countBootDownloads({
      fetch: () => {
        fetches++;
        return Promise.resolve(new Response(streamOf([bytes(3, 1), bytes(2, 2)])));
      },
      fileOf: (url) => (url.endsWith('.wasm') ? 'wasm' : null),
      knownBytes: () => null,
      onProgress: () => {},
      keep: ['wasm'],
    });
    void downloads.prefetch('https://x/p.wasm');
    const body = downloads.bodyOf('wasm');
    const response = await downloads.fetch(new URL('https://x/p.wasm'));
    expect(fetches).toBe(1);
    expect([...new Uint8Array(await response.arrayBuffer())]).toEqual([1, 1, 1, 2, 2]);
    expect([...(await body)]).toEqual([1, 1, 1, 2, 2]);
    // Only once: a later fetch (a fallback boot's) goes to the network again.
    await downloads.fetch('https://x/p.wasm');
    expect(fetches).toBe(2);
    await expect(downloads.bodyOf('stdlib')).rejects.toThrow('not kept');
  });

  it("rejects a kept body when its download fails", async () => {
    const downloads = countBootDownloads({
      fetch: () => Promise.resolve(new Response(null, { status: 404 })),
      fileOf: () => 'wasm',
      knownBytes: () => null,
      onProgress: () => {},
      keep: ['wasm'],
    });
    await downloads.fetch('p.wasm');
    await expect(downloads.bodyOf('wasm')).rejects.toThrow('HTTP 404');
  });

  it('passes other addresses through uncounted', async () => {
    const { downloads, reports } = setup({ 'lock.json': () => new Response('{}') });
    expect(await (await downloads.fetch('lock.json')).text()).toBe('{}');
    expect(reports).toEqual([]);
  });
});
