/**
 * Opening an embed link: its settings reach the store (the shell and the editor read them), its
 * language and speed apply to this page only (nothing is written to the reader's storage), the
 * program runs and seeks to the link's step, and `play=1` plays once the run is on screen.
 */
import { describe, expect, it } from 'vitest';
import { encodeShareHash } from '../share';
import { CANCEL_WORKER_SOURCE, cancelWorker } from '../panels/fixtures/cancelWorker';
import { DEFAULT_RUN_OPTIONS, type RunOptions } from '../protocol/trace';
import { memoryStorage, STORAGE_KEYS } from '../store/storage';
import { createLoopscopeStore } from '../store/store';
import { fakeTimers } from '../store/testing/fakeTimers';
import { nearestSpeed, openEmbed } from './openEmbed';

function embedStore() {
  const runs: { source: string; options: RunOptions }[] = [];
  const storage = memoryStorage();
  const store = createLoopscopeStore({
    createEngine: () => ({
      run: (source, options) => runs.push({ source, options }),
      stop: () => undefined,
      restart: () => undefined,
      dispose: () => undefined,
    }),
    storage,
    timers: fakeTimers(),
    languages: ['en-GB'],
    defaultSource: () => 'print("default")\n',
    runOptions: DEFAULT_RUN_OPTIONS,
  });
  return { store, runs, storage };
}

describe('openEmbed', () => {
  it('puts the settings in the store, runs the program and waits to seek to its step', () => {
    const { store, runs, storage } = embedStore();
    const source = CANCEL_WORKER_SOURCE;
    openEmbed(store, encodeShareHash({ source, step: 3, lang: 'zh', embed: { views: ['console', 'timeline'], editor: 'hidden', speed: 8 } }));
    const s = store.getState();
    expect(s.embed).toStrictEqual({ views: ['console', 'timeline'], editor: 'hidden', play: false, speed: 8, theme: null, ignored: [] });
    expect(s.lang).toBe('zh');
    expect(s.speed).toBe(10);
    expect(s.source).toBe(source);
    expect(runs.map((r) => r.source)).toEqual([source]);
    expect(s.pendingSeek).toStrictEqual({ step: 3, line: undefined });
    // The language and speed are this page's: the reader's preferences are left as they were.
    expect(storage.get(STORAGE_KEYS.lang)).toBeNull();
    expect(storage.get(STORAGE_KEYS.speed)).toBeNull();
  });

  it('play=1 plays once the run is on screen, and only for that run', () => {
    const { store } = embedStore();
    openEmbed(store, encodeShareHash({ source: CANCEL_WORKER_SOURCE, step: 2, embed: { play: true } }));
    expect(store.getState().playing).toBe(false);
    store.getState().openTrace(cancelWorker());
    expect(store.getState().playing).toBe(true);
    store.getState().pause();
    store.getState().openTrace(cancelWorker());
    expect(store.getState().playing).toBe(false);
  });

  it('a damaged embed link is still an embed, with the link’s error and the default program', () => {
    const { store, runs } = embedStore();
    openEmbed(store, '#code/%%%broken&embed=1&views=console');
    const s = store.getState();
    expect(s.embed?.views).toEqual(['narration', 'timeline', 'ready', 'timers', 'console']);
    expect(s.notices.map((n) => n.kind)).toEqual(['link-error']);
    expect(s.source).toBe('print("default")\n');
    expect(runs).toEqual([]);
  });

  it('plays at the page speed nearest to the one asked for', () => {
    expect([0.1, 1, 1.4, 3, 4, 7, 8, 20, 1000].map(nearestSpeed)).toEqual([1, 1, 1, 2, 5, 5, 10, 10, 30]);
  });
});
