import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { resolveToken } from './api/token.js';
import { App } from './app.js';
import './styles/base.css';
import './styles/layout.css';
import './styles/components.css';
import './styles/kindly-studio.css';

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <App token={resolveToken()} />
    </StrictMode>,
  );
}
