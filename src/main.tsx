/**
 * The page's entry: create the store, open the program the URL asks for, render, and boot
 * Python as soon as the editor's code has loaded (it takes seconds; the learner reads the
 * program meanwhile).
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
import { createBrowserStore, openFromUrl } from './app/bootstrap';
import { installTestHooks, testHooksWanted } from './app/testHooks';
import { startUrlSync } from './app/urlSync';
import { StoreProvider } from './store/context';
import { browserStorage } from './store/storage';

const store = createBrowserStore();
// Python's boot (compiling a 9.6 MB wasm in the worker) and Monaco's parse compete for the same
// cores: started together, both finish later. The editor's code loads first, then Python boots;
// on a 2-core machine the editor showed ~0.5 s sooner and Python was not ready any later. A share
// link's run starts the engine at once (run() does), without waiting.
const startEngine = () => store.getState().startEngine();
loadEditorChunk().then(startEngine, startEngine);
openFromUrl(store);
startUrlSync(store);
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
