/**
 * Opening a trace file, by the file picker or dropped anywhere on the page: its size checked
 * before it is read, its text checked against the schema (traceFile.ts), then shown as a run
 * would be, its program in the editor. A file that cannot be opened leaves the editor and the
 * run on screen as they were, and the message says what is wrong.
 */
import { useEffect, useState } from 'react';
import { exportWords, traceFileProblemText } from '../i18n/exportWords';
import { useLoopscopeApi } from '../store/context';
import { fileSizeProblem, readTraceFile, type TraceFileProblem } from './traceFile';

/** What the last import (or export) said, for the message under the header. */
export type ExportMessage = { readonly tone: 'ok' | 'error'; readonly lines: readonly string[] };

export function useTraceImport(say: (message: ExportMessage) => void): { readonly openFile: (file: File) => Promise<void>; readonly dragging: boolean } {
  const api = useLoopscopeApi();
  const [dragging, setDragging] = useState(false);

  async function openFile(file: File): Promise<void> {
    const lang = api.getState().lang;
    const words = exportWords(lang);
    const refuse = (why: string) => say({ tone: 'error', lines: [`${words.cannotOpen(file.name)} ${why}`, words.keptAsWas] });
    const problemText = (problem: TraceFileProblem) => traceFileProblemText(problem, lang);
    const sized = fileSizeProblem(file.size);
    if (sized !== null) return refuse(problemText(sized));
    let text: string;
    try {
      text = await file.text();
    } catch (error) {
      return refuse(words.readFailed(error instanceof Error ? error.message : String(error)));
    }
    const read = readTraceFile(text);
    if (!read.ok) return refuse(problemText(read.problem));
    const s = api.getState();
    const hasProgram = read.trace.source.trim() !== '';
    if (hasProgram) s.setSource(read.trace.source);
    s.openTrace(read.trace);
    const steps = read.trace.stats.steps;
    say({ tone: 'ok', lines: [hasProgram ? words.opened(file.name, steps) : words.openedNoProgram(file.name, steps)] });
  }

  // Dropped anywhere on the page. Only drags that carry files are taken: dragging text inside
  // the editor stays the editor's.
  useEffect(() => {
    const carriesFiles = (e: DragEvent) => e.dataTransfer?.types.includes('Files') === true;
    const onDragOver = (e: DragEvent) => {
      if (!carriesFiles(e)) return;
      e.preventDefault();
      if (e.dataTransfer) e.dataTransfer.dropEffect = 'copy';
      setDragging(true);
    };
    const onDragLeave = (e: DragEvent) => {
      if (e.relatedTarget === null) setDragging(false);
    };
    const onDrop = (e: DragEvent) => {
      if (!carriesFiles(e)) return;
      e.preventDefault();
      setDragging(false);
      const file = e.dataTransfer?.files[0];
      if (file === undefined) {
        say({ tone: 'error', lines: [exportWords(api.getState().lang).notAFile] });
        return;
      }
      void openFile(file);
    };
    window.addEventListener('dragover', onDragOver);
    window.addEventListener('dragleave', onDragLeave);
    window.addEventListener('drop', onDrop);
    return () => {
      window.removeEventListener('dragover', onDragOver);
      window.removeEventListener('dragleave', onDragLeave);
      window.removeEventListener('drop', onDrop);
    };
  });

  return { openFile, dragging };
}
