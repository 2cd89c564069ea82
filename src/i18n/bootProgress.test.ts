/** The words of a boot's progress, in both languages, from the worker's facts. */
import { describe, expect, it } from 'vitest';
import type { BootDownload } from '../protocol/worker';
import { bootFigures, bootProgressWords } from './bootProgress';

const downloads: readonly BootDownload[] = [
  { file: 'wasm', loaded: 4_800_000, total: 9_600_000, done: false },
  { file: 'stdlib', loaded: 2_500_000, total: 2_500_000, done: true },
  { file: 'snapshot', loaded: 0, total: null, done: false },
];

describe('bootProgressWords', () => {
  it('sums what is known, and says no total while a size is unknown', () => {
    expect(bootFigures(downloads)).toEqual({ loaded: 7_300_000, total: null });
    const known = downloads.map((d) => (d.file === 'snapshot' ? { ...d, total: 15_000_000 } : d));
    expect(bootFigures(known)).toEqual({ loaded: 7_300_000, total: 27_100_000 });
    expect(bootProgressWords('en', { stage: 'downloading', downloads: known }, false).line).toBe(
      'Starting Python: 7.3 of 27.1 MB',
    );
    expect(bootProgressWords('zh', { stage: 'downloading', downloads: known }, false).line).toBe('正在启动 Python：7.3 / 27.1 MB');
    expect(bootProgressWords('en', { stage: 'downloading', downloads: known }, false).percent).toBe(26);
    expect(bootProgressWords('en', { stage: 'downloading', downloads }, false).line).toBe('Starting Python: 7.3 MB');
  });

  it('says a waiting run will start, and what comes after the download', () => {
    const en = bootProgressWords('en', { stage: 'downloading', downloads }, true);
    expect(en.line).toBe('Waiting for Python (7.3 MB), then running');
    expect(en.detail.split('\n')).toEqual([
      'Python (WebAssembly): 4.8 of 9.6 MB',
      'standard library: 2.5 MB, done',
      'engine snapshot: 0.0 MB',
      'When these are here, Python starts. You can edit meanwhile; Run waits for it.',
    ]);
    expect(bootProgressWords('zh', { stage: 'starting', downloads }, false).line).toBe('正在启动 Python：下载完了，正在启动…');
    expect(bootProgressWords('zh', { stage: 'starting', downloads }, true).line).toBe('等 Python 启动后就运行…');
    expect(bootProgressWords('zh', { stage: 'downloading', downloads }, false).detail.split('\n')[1]).toBe('标准库：2.5 MB，已完成');
  });
});
