/**
 * The views the embed's link chose, in its order; ready queue and timers side by side when the
 * link puts them next to each other (as in the app). Each view reads the store itself.
 */
import type { ReactNode } from 'react';
import type { EmbedViewName } from '../share';
import { ObjectViews } from '../app/ObjectViews';
import { Cancellations } from '../panels/Cancellations';
import { Console } from '../panels/Console';
import { Narration } from '../panels/Narration';
import { Problems } from '../panels/Problems';
import { ReadyQueue } from '../panels/ReadyQueue';
import { Timers } from '../panels/Timers';
import { TaskTimeline } from '../timeline';
import { useLoopscope } from '../store/context';

function view(name: EmbedViewName): ReactNode {
  switch (name) {
    case 'narration':
      return (
        <div className="panel embed-narration">
          <Narration />
        </div>
      );
    case 'timeline':
      return (
        <div className="panel view-timeline">
          <TaskTimeline />
        </div>
      );
    case 'ready':
      return (
        <div className="panel view-ready">
          <ReadyQueue />
        </div>
      );
    case 'timers':
      return (
        <div className="panel view-timers">
          <Timers />
        </div>
      );
    case 'cancellations':
      return (
        <div className="panel view-cancellations">
          <Cancellations />
        </div>
      );
    case 'objects':
      return <ObjectViews />;
    case 'console':
      return <Console />;
    case 'problems':
      return (
        <div className="panel view-problems">
          <Problems />
        </div>
      );
  }
}

const SIDE_BY_SIDE: readonly (readonly [EmbedViewName, EmbedViewName])[] = [
  ['ready', 'timers'],
  ['timers', 'ready'],
];

/** The views in rows: one a row, or a pair that sits side by side. */
function rows(views: readonly EmbedViewName[]): (readonly EmbedViewName[])[] {
  const out: (readonly EmbedViewName[])[] = [];
  for (let i = 0; i < views.length; i++) {
    const here = views[i];
    const next = views[i + 1];
    if (here === undefined) continue;
    if (next !== undefined && SIDE_BY_SIDE.some(([a, b]) => a === here && b === next)) {
      out.push([here, next]);
      i++;
    } else out.push([here]);
  }
  return out;
}

export function EmbedViews() {
  const views = useLoopscope((s) => s.embed?.views ?? NONE);
  const hasTrace = useLoopscope((s) => s.index !== null);
  if (!hasTrace) return null;
  return (
    <div className="embed-views">
      {rows(views).map((row) =>
        row.length === 1 ? (
          <div key={row.join()} className="embed-view" data-embed-view={row[0]}>
            {row[0] === undefined ? null : view(row[0])}
          </div>
        ) : (
          <div key={row.join()} className="panel-row">
            {row.map((name) => (
              <div key={name} className="embed-view" data-embed-view={name}>
                {view(name)}
              </div>
            ))}
          </div>
        ),
      )}
    </div>
  );
}

const NONE: readonly never[] = [];
