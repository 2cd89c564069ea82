/**
 * The page's entry: create the store, open the program the URL asks for, render, and boot
 * Python as soon as the editor's code has loaded, or at once on a slow link (it takes seconds;
 * the learner reads the program meanwhile).
 */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import './app/theme.css';
import './app/app.css';
import './app/panels.css';
import './app/presenter.css';
import './editor/editor.css';
import { App } from './app/App';
import { loadEditorChunk } from './app/editorChunk';
import { AppBoundary } from './app/AppBoundary';
import { createBrowserStore, openFromUrl, openLinkNow } from './app/bootstrap';
import { pageResources, startEngineInOrder } from './app/bootOrder';
import { installTestHooks, testHooksWanted } from './app/testHooks';
import { startUrlSync } from './app/urlSync';
import { openEmbed } from './embed/openEmbed';
import { asksForEmbed } from './share';
import { StoreProvider } from './store/context';
import { browserStorage, memoryStorage } from './store/storage';

// An embed (an `embed=1` link in someone's course page) keeps its text and settings in memory:
// it must never replace the program a reader saved in the full app, nor their preferences.
const embedded = asksForEmbed(window.location.hash);
const store = createBrowserStore(embedded ? memoryStorage() : browserStorage());
// Python boots after the editor's code has loaded (both want the cores), except on a slow link,
// where it starts at once so its downloads do not wait behind Monaco's (bootOrder.ts). A share
// link's run starts the engine at once (run() does), without waiting.
startEngineInOrder(loadEditorChunk(), () => store.getState().startEngine(), pageResources());
if (embedded) {
  // The frame's address stays the embed link its host wrote: no URL sync.
  openEmbed(store, window.location.hash);
} else {
  openFromUrl(store);
  startUrlSync(store, () => openLinkNow(store));
}
// The e2e tests and the page bench ask for the hooks (src/app/testHooksFlag.ts); a learner's page has none.
if (testHooksWanted(browserStorage(), import.meta.env.DEV)) installTestHooks(store);
// Save the text when the page goes away, not only after the typing pause.
window.addEventListener('pagehide', () => store.getState().flushSave());

const container = document.getElementById('root');
if (container === null) throw new Error('index.html has no #root element');
createRoot(container).render(
  <StrictMode>
    <AppBoundary lang={() => store.getState().lang} onCrash={() => store.getState().flushSave()}>
      <StoreProvider store={store}>
        <App />
      </StoreProvider>
    </AppBoundary>
  </StrictMode>,
);
