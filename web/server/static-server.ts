/**
 * The web app's server: a node:http static server for the built app (`dist/`), `/config.json`
 * from its configuration, `/graphql` forwarded to the router, `/health` and `/ready` for the
 * orchestrator, and index.html for every other path (the app has no URL routes, but a reload
 * anywhere must still load it). Every answer, the relayed `/graphql` ones included, carries the
 * security headers of `security-headers.ts`.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { applyHttpServerLimits, DEFAULT_HTTP_SERVER_LIMITS, type HttpServerLimits } from '@hospital/service-kit';
import { proxyGraphqlRequest, proxyGraphqlUpgrade, type GraphqlUpstream } from './graphql-proxy.ts';
import { applySecurityHeaders } from './security-headers.ts';

/** Where to listen, what to serve, and where the router is. */
export interface WebServerConfig {
  port: number;
  host?: string;
  /** The built app (vite's outDir). */
  distDir: string;
  /** The router's GraphQL URL; the browser reaches it through this server's `/graphql`. */
  graphqlUrl: string;
  /** WEB_PROXY_SECRET: signs the X-Forwarded-For this server sends the router (ROUTER_PROXY_SECRET there). */
  proxySecret?: string;
  /** Header, request and keep-alive timeouts and the per-address connection cap (defaults in service-kit). */
  limits?: HttpServerLimits;
  /** WEB_IDLE_LOCK_MINUTES: idle minutes before a dashboard locks (default 15), handed to the app in /config.json. */
  idleLockMinutes?: number;
  /** HOSPITAL_TIME_ZONE: the hospital's IANA zone (default: this process's own), handed to the app in /config.json. */
  timeZone?: string;
}

/** A running web server. */
export interface RunningWebServer {
  port: number;
  /** The address to open in a browser. */
  url: string;
  close(): Promise<void>;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
};

/** The path with its %-escapes decoded, or undefined when an escape is malformed ("/%", "/%e9"). */
function decodePath(urlPath: string): string | undefined {
  try {
    return decodeURIComponent(urlPath);
  } catch {
    return undefined;
  }
}

/** Resolves a decoded URL path inside `root`, or undefined when it would leave it. */
function fileInside(root: string, decoded: string): string | undefined {
  const file = path.resolve(root, `.${path.posix.normalize(decoded)}`);
  return file === root || file.startsWith(`${root}${path.sep}`) ? file : undefined;
}

/** A short uncached plain-text answer. */
function plain(res: ServerResponse, status: number, text: string): void {
  res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' }).end(text);
}

async function serveFile(res: ServerResponse, file: string, method: string): Promise<boolean> {
  const info = await stat(file).catch(() => undefined);
  if (!info?.isFile()) return false;
  const body = await readFile(file);
  const hashed = file.includes(`${path.sep}assets${path.sep}`);
  res.writeHead(200, {
    'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream',
    'content-length': body.length,
    // Vite's assets carry a content hash; index.html must always be fresh.
    'cache-control': hashed ? 'public, max-age=31536000, immutable' : 'no-cache',
  });
  res.end(method === 'HEAD' ? undefined : body);
  return true;
}

/** The router's endpoints the consent screen calls (authorization code + PKCE). */
const CONSENT_API_PATHS = new Set(['/oauth/authorize/request', '/oauth/authorize/decision']);
/** Idle minutes before a dashboard locks, unless configured. */
const DEFAULT_IDLE_LOCK_MINUTES = 15;
/** The router's staff-session endpoints: relayed so their refresh-token cookie is this origin's. */
const SESSION_API_PATHS = new Set(['/session/login', '/session/refresh', '/session/logout']);

/** Starts the server; `port: 0` picks a free port. */
export async function startWebServer(config: WebServerConfig): Promise<RunningWebServer> {
  const root = path.resolve(config.distDir);
  const target: GraphqlUpstream = { url: new URL(config.graphqlUrl), proxySecret: config.proxySecret || undefined };
  const configJson = JSON.stringify({
    graphqlUrl: '/graphql',
    idleLockMinutes: config.idleLockMinutes ?? DEFAULT_IDLE_LOCK_MINUTES,
    timeZone: config.timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone,
  });

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const { pathname } = new URL(req.url ?? '/', 'http://localhost');
    if (pathname === '/graphql') return proxyGraphqlRequest(req, res, target);
    // The consent screen's calls to the router's authorize endpoints (same origin, like /graphql).
    if (CONSENT_API_PATHS.has(pathname) || SESSION_API_PATHS.has(pathname)) return proxyGraphqlRequest(req, res, { ...target, url: new URL(pathname, target.url) });
    const method = req.method ?? 'GET';
    if (method !== 'GET' && method !== 'HEAD') {
      res.writeHead(405, { allow: 'GET, HEAD' }).end();
      return;
    }
    // Liveness: the process answers. Readiness: it has the built app to serve.
    if (pathname === '/health') return void plain(res, 200, 'ok');
    if (pathname === '/ready') {
      const built = (await stat(path.join(root, 'index.html')).catch(() => undefined))?.isFile() === true;
      return void plain(res, built ? 200 : 503, built ? 'ready' : 'the web app is not built');
    }
    if (pathname === '/config.json') {
      res.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'no-store' }).end(configJson);
      return;
    }
    const decoded = decodePath(pathname);
    // A malformed escape names no file: the client's mistake, not the server's.
    if (decoded === undefined) return void plain(res, 400, 'Malformed URL path.');
    const file = fileInside(root, decoded);
    if (file && (await serveFile(res, file, method))) return;
    if (!(await serveFile(res, path.join(root, 'index.html'), method))) {
      plain(res, 503, 'The web app is not built: run `npm run build -w @hospital/web`.');
    }
  };

  const server = createServer((req, res) => {
    applySecurityHeaders(req, res);
    handle(req, res).catch(() => {
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' });
      res.end('Internal error');
    });
  });
  applyHttpServerLimits(server, config.limits ?? DEFAULT_HTTP_SERVER_LIMITS);
  // Upgraded sockets leave the server's bookkeeping: close() ends them itself.
  const upgraded = new Set<Duplex>();
  server.on('upgrade', (req, socket, head) => {
    const { pathname } = new URL(req.url ?? '/', 'http://localhost');
    if (pathname !== '/graphql') return void socket.destroy();
    upgraded.add(socket);
    socket.once('close', () => upgraded.delete(socket));
    proxyGraphqlUpgrade(req, socket, head, target);
  });

  const host = config.host ?? '0.0.0.0';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  const publicHost = host === '0.0.0.0' || host === '::' ? 'localhost' : host;
  return {
    port,
    url: `http://${publicHost}:${port}/`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
        for (const socket of upgraded) socket.destroy();
      }),
  };
}
