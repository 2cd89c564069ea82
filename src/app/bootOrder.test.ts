/** When the page starts Python (bootOrder.ts): at once on a slow link, after the editor's code otherwise. */
import { describe, expect, it, vi } from 'vitest';
import { linkBytesPerMs, SLOW_LINK_BYTES_PER_MS, startEngineInOrder, startPythonFirst, type ResourceTimes } from './bootOrder';

const file = (transferSize: number, responseStart: number, responseEnd: number): ResourceTimes => ({ transferSize, responseStart, responseEnd });

describe('the link speed the page measured', () => {
  it('is the bytes of the files big enough to tell over the time they took, side by side', () => {
    // 200 kB from 300 to 1,100 ms and 100 kB from 500 to 900 ms: 300 kB in 800 ms.
    expect(linkBytesPerMs([file(200_000, 300, 1_100), file(100_000, 500, 900), file(2_000, 250, 260)])).toBe(375);
  });

  it('knows nothing from files that came from a cache or are too small to tell', () => {
    expect(linkBytesPerMs([file(0, 10, 12), file(5_000, 10, 400)])).toBeNull();
    expect(linkBytesPerMs([])).toBeNull();
  });
});

describe('starting Python', () => {
  // The entry script as it came in the bench: 199 kB on an emulated 10 Mbit/s link (with Monaco
  // beside it), and on the machine's own fast link.
  const tenMbits = [file(198_928, 290, 1_129)];
  const local = [file(198_928, 60, 66)];

  it('comes first on a slow link and after the editor on a fast one or from a cache', () => {
    expect(startPythonFirst(tenMbits)).toBe(true);
    expect(startPythonFirst(local)).toBe(false);
    expect(startPythonFirst([file(0, 1, 2)])).toBe(false);
    // 20 Mbit/s and more is fast: the threshold itself.
    expect(startPythonFirst([file(SLOW_LINK_BYTES_PER_MS * 100, 0.5, 100.5)])).toBe(false);
    expect(startPythonFirst([file(SLOW_LINK_BYTES_PER_MS * 100 - 1_000, 0.5, 100.5)])).toBe(true);
  });

  it('starts the engine at once on a slow link, and otherwise only when the editor has loaded or failed to', async () => {
    const start = vi.fn();
    let loaded: () => void = () => {};
    startEngineInOrder(new Promise<void>((resolve) => (loaded = resolve)), start, local);
    await Promise.resolve();
    expect(start).not.toHaveBeenCalled();
    loaded();
    await vi.waitFor(() => expect(start).toHaveBeenCalled());

    const failed = vi.fn();
    startEngineInOrder(Promise.reject(new Error('Monaco failed')), failed, local);
    await vi.waitFor(() => expect(failed).toHaveBeenCalled());

    const slow = vi.fn();
    startEngineInOrder(new Promise<void>(() => {}), slow, tenMbits);
    expect(slow).toHaveBeenCalledTimes(1);
  });
});
