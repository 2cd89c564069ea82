/**
 * The ready queue: the loop's FIFO of callbacks at this step, head first, and apart from it the
 * handle the loop is running now. Entries slide in when scheduled and fade out when run, keyed
 * by handle id, so stepping shows the queue move. Click an entry to jump to the step that runs it.
 * Only the rows in view (and a few either side) are in the DOM: see rowWindow.
 */
import { memo, useMemo, useRef } from 'react';
import { handleLabelText } from '../i18n/labels';
import { viewStrings } from '../i18n/views';
import type { HandleTarget } from '../protocol/trace';
import { describeTarget } from '../trace';
import type { ReadyEntry } from '../trace/types';
import { useShownLoopView, type LoopView } from '../store/useLoopView';
import { handleSteps } from './handleSteps';
import { RowSpacer } from './RowSpacer';
import { useLeavingItems } from './useLeavingItems';
import { useRowWindow } from './useRowWindow';
import './loopView.css';
import './ReadyQueue.css';

/** Matches the exit animation in ReadyQueue.css. */
const LEAVE_MS = 220;
/**
 * The panel lists the head of the queue only: a program that creates 30k tasks at once has 30k
 * handles queued, and rendering them all at every step would freeze the page.
 */
export const READY_SHOWN = 100;
const handleOf = (e: ReadyEntry): number => e.h;

/** The entry the loop runs next: the head, passing over cancelled handles it will drop. */
export function nextToRun(queue: readonly ReadyEntry[]): ReadyEntry | undefined {
  return queue.find((e) => !e.cancelled);
}

/** The view, reading the store itself (nothing before the first trace). */
export function ReadyQueue() {
  const view = useShownLoopView('readyQueue');
  return view === null ? null : <ShownReadyQueueAt {...view} />;
}

/** Memoised: the same LoopView (useShownLoopView keeps it while nothing in it changed) is not drawn again. */
const ShownReadyQueueAt = memo(ReadyQueueAt);

function ReadyQueueAt({ index, state, lang, onSeek }: LoopView) {
  const text = viewStrings(lang);
  // Memoised on the queue so the same step gives the same array (useLeavingItems compares identity).
  const head = useMemo(() => state.readyQueue.slice(0, READY_SHOWN), [state.readyQueue]);
  const hidden = state.readyQueue.length - head.length;
  const { shown, jumped } = useLeavingItems(head, handleOf, LEAVE_MS);
  const listRef = useRef<HTMLOListElement>(null);
  const rows = useRowWindow(listRef, shown.length);
  const runsAt = handleSteps(index);
  const next = nextToRun(state.readyQueue);
  const label = (on: HandleTarget) => handleLabelText(describeTarget(on, index.tasks), lang);
  const current = state.current;
  // 1-based places in the FIFO (leaving entries have none).
  const position = new Map(head.map((e, i) => [e.h, i + 1]));

  return (
    <section className="loop-view ready-queue" data-testid="ready-queue" aria-label={text.readyQueue.title}>
      <h2 className="view-title">{text.readyQueue.title}</h2>
      <div className="ready-running" data-testid="ready-running">
        <span className="ready-running-title">{text.readyQueue.runningNow}</span>
        {current === null ? (
          <span className="ready-running-none">{text.readyQueue.nothingRunning}</span>
        ) : (
          <span className={`ready-entry kind-${current.target.k}`} key={current.handle}>
            <span className="ready-kind">{text.handleKind[current.target.k]}</span>
            <span className="ready-label">{label(current.target)}</span>
            {current.delivered !== undefined && (
              <span className="ready-thrown">{text.readyQueue.thrownIn(current.delivered)}</span>
            )}
          </span>
        )}
      </div>
      {state.readyQueue.length === 0 && <p className="ready-empty">{text.readyQueue.empty}</p>}
      <ol
        ref={listRef}
        className={jumped ? 'ready-list is-jump' : 'ready-list'}
        title={text.readyQueue.fifoHint}
      >
        <RowSpacer height={rows.padTop} />
        {shown.slice(rows.start, rows.end).map(({ item, leaving }) => {
          if (leaving) {
            // Only on screen while it animates out; not part of the queue any more.
            return (
              <li key={item.h} className={`ready-entry kind-${item.on.k} is-leaving`} aria-hidden="true">
                <span className="ready-kind">{text.handleKind[item.on.k]}</span>
                <span className="ready-label">{label(item.on)}</span>
              </li>
            );
          }
          const isNext = item === next;
          const step = runsAt.get(item.h);
          const classes = ['ready-entry', `kind-${item.on.k}`];
          if (isNext) classes.push('is-next');
          if (item.cancelled) classes.push('is-cancelled');
          return (
            <li
              key={item.h}
              className={classes.join(' ')}
              data-testid="ready-item"
              data-handle={item.h}
              data-kind={item.on.k}
              data-cancelled={item.cancelled ? 'true' : undefined}
              data-next={isNext ? 'true' : undefined}
            >
              <button
                type="button"
                className="ready-seek"
                disabled={step === undefined}
                title={[
                  text.handle(item.h),
                  item.cancelled ? text.readyQueue.cancelled : null,
                  step === undefined ? null : text.readyQueue.jumpToRun(step),
                ]
                  .filter((s) => s !== null)
                  .join('\n')}
                onClick={() => step !== undefined && onSeek({ step })}
              >
                <span className="ready-position">{position.get(item.h)}</span>
                <span className="ready-kind">{text.handleKind[item.on.k]}</span>
                <span className="ready-label">{label(item.on)}</span>
                {isNext && <span className="ready-next-tag">{text.readyQueue.runsNext}</span>}
              </button>
            </li>
          );
        })}
        <RowSpacer height={rows.padBottom} />
      </ol>
      {hidden > 0 && <p className="ready-more">{text.readyQueue.more(hidden)}</p>}
    </section>
  );
}
