/**
 * Entry of the explorer bundle (router/src/explorer/bundle.ts builds it with esbuild): the CSP
 * nonce for style elements and Monaco's workers first, then the page.
 */
import './style-nonce.ts';
import './monaco-environment.ts';
import 'graphiql/style.css';
import '@graphiql/plugin-explorer/style.css';
import './explorer.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { ExplorerApp } from './explorer-app.tsx';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <ExplorerApp />
  </StrictMode>,
);
