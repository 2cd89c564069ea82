/**
 * The service worker's news on one line under the header: "saved for offline use" once, and
 * "a new version — Reload" when one waits (src/app/useServiceWorker.ts). Only the learner's
 * Reload switches versions; Later keeps this one until every tab of the app is closed.
 */
import type { OfflineStrings } from '../i18n/offline';
import { offlineStrings } from '../i18n/offline';
import { assertNever } from '../protocol/assertNever';
import { uiStrings } from '../i18n/ui';
import { useLoopscope } from '../store/context';
import type { ServiceWorkerNews } from './useServiceWorker';
import { useServiceWorker } from './useServiceWorker';
import './updateNotice.css';

function newsText(news: Exclude<ServiceWorkerNews, 'none'>, t: OfflineStrings): string {
  switch (news) {
    case 'offline-ready':
      return t.offlineReady;
    case 'update-ready':
      return t.updateReady;
    case 'updated-elsewhere':
      return t.updatedElsewhere;
    case 'offline-failed':
      return t.offlineFailed;
    default:
      return assertNever(news);
  }
}

export function UpdateNotice() {
  const { news, reload, dismiss } = useServiceWorker();
  const lang = useLoopscope((s) => s.lang);
  if (news === 'none') return null;
  const t = offlineStrings(lang);
  const text = newsText(news, t);
  return (
    <div className={`notice ${news === 'offline-failed' ? 'notice-warn' : 'notice-update'}`} role="status" data-testid="update-notice" data-news={news}>
      <span className="notice-text">{text}</span>
      {(news === 'update-ready' || news === 'updated-elsewhere') && (
        <button type="button" className="btn" title={t.reloadHint} onClick={reload} data-testid="update-reload">
          {t.reload}
        </button>
      )}
      {news === 'update-ready' ? (
        <button type="button" className="btn btn-quiet" title={t.laterHint} onClick={dismiss} data-testid="update-later">
          {t.later}
        </button>
      ) : (
        <button type="button" className="btn btn-quiet btn-icon" aria-label={uiStrings(lang).dismiss} title={uiStrings(lang).dismiss} onClick={dismiss} data-testid="update-dismiss">
          ✕
        </button>
      )}
    </div>
  );
}
