/**
 * The page's entry: create the store, start booting Python at once (it takes seconds; the
 * learner reads the program meanwhile), open the program the URL asks for, then render.
 */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import './app/theme.css';
import './app/app.css';
import './app/panels.css';
import './editor/editor.css';
import { App } from './app/App';
import { AppBoundary } from './app/AppBoundary';
import { createBrowserStore, openFromUrl } from './app/bootstrap';
import { installTestHooks } from './app/testHooks';
import { startUrlSync } from './app/urlSync';
import { StoreProvider } from './store/context';

const store = createBrowserStore();
store.getState().startEngine();
openFromUrl(store);
startUrlSync(store);
installTestHooks(store);
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
