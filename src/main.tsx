import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';

// A placeholder entry so the build and the smoke test work from day one; the app shell
// (src/app) replaces what it renders.
const container = document.getElementById('root');
if (container === null) throw new Error('index.html has no #root element');
createRoot(container).render(
  <StrictMode>
    <h1>Loopscope</h1>
  </StrictMode>,
);
