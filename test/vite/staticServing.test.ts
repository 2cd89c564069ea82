/** How vite preview picks a precompressed copy and a cache policy (vite/staticServing.ts). */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { acceptedEncodings, cacheControlOf, IMMUTABLE, REVALIDATE, variantFor } from '../../vite/staticServing';

describe('static serving', () => {
  it('reads Accept-Encoding, q=0 refusing one', () => {
    expect([...acceptedEncodings('gzip, deflate, br, zstd')]).toEqual(['gzip', 'deflate', 'br', 'zstd']);
    expect([...acceptedEncodings('br;q=0, gzip;q=0.5')]).toEqual(['gzip']);
    expect([...acceptedEncodings(undefined)]).toEqual([]);
  });

  it('prefers brotli, then gzip, then the file itself', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'loopscope-static-'));
    const file = path.join(dir, 'a.wasm');
    writeFileSync(file, 'raw');
    writeFileSync(`${file}.gz`, 'gz');
    expect(variantFor(file, acceptedEncodings('gzip, br'))).toEqual({ file: `${file}.gz`, encoding: 'gzip' });
    writeFileSync(`${file}.br`, 'br');
    expect(variantFor(file, acceptedEncodings('gzip, br'))).toEqual({ file: `${file}.br`, encoding: 'br' });
    expect(variantFor(file, acceptedEncodings('identity'))).toEqual({ file, encoding: null });
  });

  it('caches assets/ (hashed names) as immutable and revalidates the rest', () => {
    expect(cacheControlOf('assets/index-BSHRdfSP.js')).toBe(IMMUTABLE);
    expect(cacheControlOf('assets/engine-314.0.7-eee1f737a72d3115.snap')).toBe(IMMUTABLE);
    expect(cacheControlOf('index.html')).toBe(REVALIDATE);
    expect(cacheControlOf('pyodide/pyodide.asm.wasm')).toBe(REVALIDATE);
  });
});
