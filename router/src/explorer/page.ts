/**
 * The explorer's HTML page and the Content-Security-Policy every explorer response carries:
 * everything from the router's own origin, no inline script, no eval, style elements only with
 * this page's nonce (Monaco writes some at run time), no frames, no other origin.
 */
import { randomBytes } from 'node:crypto';

/** The explorer's base path; assets live under `${EXPLORER_PATH}/assets/`. */
export const EXPLORER_PATH = '/explorer';

/**
 * The policy. `'self'` in connect-src covers the same-origin WebSocket (CSP Level 3).
 * @param nonce - the page's style nonce (assets: none)
 */
export function explorerCsp(nonce?: string): string {
  return [
    "default-src 'none'",
    "script-src 'self'",
    "worker-src 'self'",
    `style-src 'self'${nonce ? ` 'nonce-${nonce}'` : ''}`,
    // Style attributes (Monaco and GraphiQL position elements by them) cannot run code; style
    // elements still need the nonce.
    "style-src-attr 'unsafe-inline'",
    // GraphiQL's style sheet embeds its fonts as data: URIs.
    "font-src 'self' data:",
    // Monaco's style sheet draws a few icons from data: SVGs.
    "img-src 'self' data:",
    "connect-src 'self'",
    "manifest-src 'self'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/** A fresh nonce for one page. */
export function newNonce(): string {
  return randomBytes(18).toString('base64');
}

/**
 * The page: the bundle's style sheet and module script, and the nonce its style elements use.
 * @param nonce - from {@link newNonce}
 */
export function explorerPage(nonce: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="csp-nonce" content="${nonce}">
<title>Hospital API explorer</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="${EXPLORER_PATH}/assets/explorer.css">
<script type="module" src="${EXPLORER_PATH}/assets/explorer.js"></script>
</head>
<body>
<div id="root"></div>
</body>
</html>
`;
}
