import './lib/zod-without-eval.js';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { setApiToken } from './api/client.js';
import { resolveToken } from './api/token.js';
import { App } from './app.js';
import './styles/base.css';
import './styles/layout.css';
import './styles/components.css';
import './styles/health.css';
import './styles/tunnel.css';
import './styles/dashly.css';
import './styles/replay.css';
import './styles/forms.css';
import './styles/holds.css';
import './styles/endpoints.css';
import './styles/modal.css';
import './styles/notes.css';
import './styles/guide.css';
import './styles/kindly-studio.css';

// Opening the printed link in a tab that is already open only changes the hash: reload so the new
// token is read (and removed from the address bar) like on a fresh load.
window.addEventListener('hashchange', () => {
  if (/(?:^#|&)token=/u.test(window.location.hash)) window.location.reload();
});

const root = document.getElementById('root');
if (root) {
  const token = resolveToken();
  // Before the first render: components' first effects (settings, theme) already call the API.
  setApiToken(token);
  createRoot(root).render(
    <StrictMode>
      <App token={token} />
    </StrictMode>,
  );
}
