/**
 * The words of the app working offline and updating (src/app/UpdateNotice.tsx), and of its
 * install card (the web manifest, vite/pwaPlugin.ts), in English and Chinese. `zh` is typed as
 * `OfflineStrings`, so a word added to one language only is a type error.
 */
import type { Lang } from './lang';

export interface OfflineStrings {
  /** Once, after the first visit's files are all saved by the service worker. */
  readonly offlineReady: string;
  /** The service worker could not save the files (storage refused, a file that failed). */
  readonly offlineFailed: string;
  /** A new version has been downloaded and waits for the learner. */
  readonly updateReady: string;
  readonly reload: string;
  readonly reloadHint: string;
  readonly later: string;
  readonly laterHint: string;
  /** Another tab of the app switched to the new version: this one's files are the old ones. */
  readonly updatedElsewhere: string;
  /** The install card: the app's name under its icon, and what it is. */
  readonly appName: string;
  readonly appShortName: string;
  readonly appDescription: string;
}

const en: OfflineStrings = {
  offlineReady: 'Loopscope is saved on this device: next time it opens and runs Python without a network.',
  offlineFailed:
    'Loopscope could not be saved on this device for offline use (the browser may not have given it the storage it needs). It works as usual while you are online.',
  updateReady: 'A new version of Loopscope is ready: reload to use it (your program is kept).',
  reload: 'Reload',
  reloadHint: 'Reload the page to use the new version (your program is kept)',
  later: 'Later',
  laterHint: 'Keep this version for now: the new one starts once every Loopscope tab is closed',
  updatedElsewhere: 'Loopscope was updated in another tab. Reload this one to go on with the new version (your program is kept).',
  appName: 'Loopscope — asyncio, one loop step at a time',
  appShortName: 'Loopscope',
  appDescription: "Watch Python's asyncio event loop run your program, one step at a time, in the browser and offline.",
};

const zh: OfflineStrings = {
  offlineReady: 'Loopscope 已保存到本设备：下次没有网络也能打开并运行 Python。',
  offlineFailed: 'Loopscope 没能保存到本设备供离线使用（浏览器可能没有给它所需的存储空间）。联网时照常可用。',
  updateReady: 'Loopscope 有新版本了：重新加载即可使用（你的程序会保留）。',
  reload: '重新加载',
  reloadHint: '重新加载页面以使用新版本（你的程序会保留）',
  later: '稍后',
  laterHint: '暂时继续用这个版本：关闭所有 Loopscope 标签页后，下次打开就是新版本',
  updatedElsewhere: 'Loopscope 已在另一个标签页中更新。请重新加载本页，继续使用新版本（你的程序会保留）。',
  appName: 'Loopscope — 一步一步看 asyncio',
  appShortName: 'Loopscope',
  appDescription: '在浏览器里一步一步看 Python asyncio 的事件循环如何运行你的程序，离线也能用。',
};

const OFFLINE: Readonly<Record<Lang, OfflineStrings>> = { en, zh };

export function offlineStrings(lang: Lang): OfflineStrings {
  return OFFLINE[lang];
}
