/**
 * Breakpoints survive a reload, as an editor keeps a file's breakpoints: the ones set are saved
 * with the program text they belong to, and come back when the page opens that same text again
 * (the editor's saved program). They are written as a share link writes them (`&bp=…&bpe=…`,
 * src/share/breakpointParams.ts), so what is read back goes through the same lenient reader: a
 * damaged or foreign value restores nothing and breaks nothing. A link's own breakpoints (or
 * none) still replace them when a link opens (classroomLink.ts).
 */
import { encodeBreakpointParams, readClassroomParams, type LinkBreakpoints } from '../share/breakpointParams';
import type { EventBreakpoint } from '../trace';
import { STORAGE_KEYS, type KeyValueStore } from './storage';
import type { LoopscopeStore } from './store';

/** What is saved: the program's fingerprint and its breakpoints in link form. */
interface SavedBreakpoints {
  readonly v: 1;
  readonly program: string;
  readonly params: string;
}

/** A short fingerprint of a program text (FNV-1a over its UTF-16 units, and its length). */
export function programFingerprint(source: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < source.length; i++) {
    hash ^= source.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return `${source.length.toString(36)}-${hash.toString(36)}`;
}

/** The breakpoints saved for `source`, or null when none were (or they were for another text). */
export function loadSavedBreakpoints(storage: KeyValueStore, source: string): LinkBreakpoints | null {
  const raw = storage.get(STORAGE_KEYS.breakpoints);
  if (raw === null) return null;
  let saved: unknown;
  try {
    saved = JSON.parse(raw);
  } catch {
    return null;
  }
  if (typeof saved !== 'object' || saved === null) return null;
  const { v, program, params } = saved as Record<string, unknown>;
  if (v !== 1 || typeof program !== 'string' || typeof params !== 'string' || program !== programFingerprint(source)) return null;
  return readClassroomParams(params.split('&')).breakpoints ?? null;
}

export function saveBreakpoints(storage: KeyValueStore, source: string, lines: readonly number[], events: readonly EventBreakpoint[]): void {
  const saved: SavedBreakpoints = { v: 1, program: programFingerprint(source), params: encodeBreakpointParams({ lines, events }) };
  storage.set(STORAGE_KEYS.breakpoints, JSON.stringify(saved));
}

/**
 * Restore the breakpoints saved for the store's program, then save them whenever they or the
 * program change (they move with the text as it is edited, so the pair is saved together).
 */
export function keepBreakpointsSaved(store: LoopscopeStore, storage: KeyValueStore): () => void {
  const first = store.getState();
  const restored = loadSavedBreakpoints(storage, first.source);
  if (restored !== null) first.setBreakpoints(restored.lines, restored.events);
  return store.subscribe((s, prev) => {
    if (s.source === prev.source && s.breakpointLines === prev.breakpointLines && s.eventBreakpoints === prev.eventBreakpoints) return;
    saveBreakpoints(storage, s.source, s.breakpointLines, s.eventBreakpoints);
  });
}
