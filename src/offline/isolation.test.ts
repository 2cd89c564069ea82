import { describe, expect, it } from 'vitest';
import { DEV_HEADERS, PREVIEW_HEADERS } from '../../vite/securityHeaders';
import { ISOLATION_HEADERS, isSkipWaiting, withIsolationHeaders } from './isolation';

describe("the service worker's isolation headers", () => {
  it('are the ones the dev and preview servers send', () => {
    for (const [name, value] of Object.entries(ISOLATION_HEADERS)) {
      expect(PREVIEW_HEADERS[name], name).toBe(value);
      expect(DEV_HEADERS[name], name).toBe(value);
    }
    // Every cross-origin header the servers send is one the service worker restores.
    const serverNames = Object.keys(PREVIEW_HEADERS).filter((name) => name.startsWith('Cross-Origin-'));
    expect(Object.keys(ISOLATION_HEADERS).sort()).toEqual(serverNames.sort());
  });

  it('are added to a response from a host that set none, keeping its body, status and other headers', async () => {
    const bare = new Response('print("hi")', { status: 200, statusText: 'OK', headers: { 'Content-Type': 'text/x-python', ETag: '"abc"' } });
    const served = withIsolationHeaders(bare);
    expect(served.headers.get('Cross-Origin-Opener-Policy')).toBe('same-origin');
    expect(served.headers.get('Cross-Origin-Embedder-Policy')).toBe('require-corp');
    expect(served.headers.get('Cross-Origin-Resource-Policy')).toBe('cross-origin');
    expect(served.headers.get('Content-Type')).toBe('text/x-python');
    expect(served.headers.get('ETag')).toBe('"abc"');
    expect(served.status).toBe(200);
    expect(await served.text()).toBe('print("hi")');
  });

  it("leave a host's own values alone and return a complete response as it is", () => {
    const own = new Response('x', { headers: { 'Cross-Origin-Resource-Policy': 'same-origin' } });
    expect(withIsolationHeaders(own).headers.get('Cross-Origin-Resource-Policy')).toBe('same-origin');
    expect(withIsolationHeaders(own).headers.get('Cross-Origin-Embedder-Policy')).toBe('require-corp');
    const complete = new Response('x', { headers: { ...ISOLATION_HEADERS } });
    expect(withIsolationHeaders(complete)).toBe(complete);
  });

  it("recognise workbox-window's skip-waiting message and nothing else", () => {
    expect(isSkipWaiting({ type: 'SKIP_WAITING' })).toBe(true);
    for (const other of ['SKIP_WAITING', { type: 'GET_VERSION' }, null, undefined, 1, {}]) expect(isSkipWaiting(other), JSON.stringify(other)).toBe(false);
  });
});
