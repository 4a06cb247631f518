/**
 * Forwards `/graphql` (HTTP and the graphql-ws upgrade) to the router, so the browser talks to
 * its own origin only: the router sends no CORS headers, and a same-origin API needs none. Bodies
 * and frames pass through untouched; nothing is logged (operations may name patients).
 */
import { request as httpRequest, type IncomingMessage, type ServerResponse } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { connect as netConnect, type Socket } from 'node:net';
import { connect as tlsConnect } from 'node:tls';
import type { Duplex } from 'node:stream';
import { FORWARDED_PROOF_HEADER, signForwardedFor } from '@hospital/service-kit';
import { withoutSecurityHeaders } from './security-headers.ts';

/** Headers that describe one hop, not the request (and a proof only this server may write). */
const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'proxy-connection', 'transfer-encoding', 'upgrade', 'te', 'trailer', 'host', FORWARDED_PROOF_HEADER]);

/** Where the router is, and the secret this server proves its X-Forwarded-For with (WEB_PROXY_SECRET). */
export interface GraphqlUpstream {
  url: URL;
  proxySecret?: string;
  /** The clock proofs are dated by (default `Date.now`). */
  clock?: () => number;
}

/**
 * X-Forwarded-For with this hop appended, as reverse proxies do: the router takes the client
 * address from it (rate limits, the audit trail) when this server proves it wrote it.
 */
function forwardedFor(req: IncomingMessage): string | undefined {
  const prior = req.headers['x-forwarded-for'];
  const peer = req.socket.remoteAddress;
  const chain = [...(Array.isArray(prior) ? prior : prior ? [prior] : []), ...(peer ? [peer] : [])];
  return chain.length > 0 ? chain.join(', ') : undefined;
}

/**
 * X-Forwarded-For and, with a secret, its proof: an HMAC the router checks, dated and bound to the
 * method and `path` the router will see.
 */
function forwardingHeaders(req: IncomingMessage, upstream: GraphqlUpstream, path: string): Record<string, string> {
  const chain = forwardedFor(req);
  if (!chain) return {};
  if (!upstream.proxySecret) return { 'x-forwarded-for': chain };
  const proof = signForwardedFor(upstream.proxySecret, { method: req.method ?? 'GET', path, forwardedFor: chain }, (upstream.clock ?? Date.now)());
  return { 'x-forwarded-for': chain, [FORWARDED_PROOF_HEADER]: proof };
}

function forwardedHeaders(req: IncomingMessage, upstream: GraphqlUpstream, path: string): Record<string, string | string[]> {
  const headers: Record<string, string | string[]> = {};
  for (const [name, value] of Object.entries(req.headers)) {
    if (value !== undefined && !HOP_BY_HOP.has(name)) headers[name] = value;
  }
  headers.host = upstream.url.host;
  return { ...headers, ...forwardingHeaders(req, upstream, path) };
}

/**
 * Proxies one HTTP request to the router's GraphQL URL; answers 502 in plain JSON when the router
 * cannot be reached (the app shows "cannot reach the hospital system").
 */
export function proxyGraphqlRequest(req: IncomingMessage, res: ServerResponse, upstreamTarget: GraphqlUpstream): void {
  const target = upstreamTarget.url;
  const send = target.protocol === 'https:' ? httpsRequest : httpRequest;
  const path = `${target.pathname}${new URL(req.url ?? '/', 'http://x').search}`;
  const upstream = send(target, { method: req.method, path, headers: forwardedHeaders(req, upstreamTarget, path) }, (answer) => {
    // The security headers already on `res` are this server's; the router's answer cannot replace them.
    res.writeHead(answer.statusCode ?? 502, withoutSecurityHeaders(answer.headers));
    answer.pipe(res);
  });
  upstream.on('error', () => {
    if (res.headersSent) return void res.destroy();
    res.writeHead(502, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ errors: [{ message: 'The hospital system cannot be reached.', extensions: { code: 'NETWORK' } }] }));
  });
  req.pipe(upstream);
}

/**
 * Relays a WebSocket upgrade: the raw handshake goes to the router (with the browser's Origin, which
 * the router checks against its allow-list), then bytes flow both ways until either side closes.
 */
export function proxyGraphqlUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer, upstreamTarget: GraphqlUpstream): void {
  const target = upstreamTarget.url;
  const port = Number(target.port || (target.protocol === 'https:' ? 443 : 80));
  const upstream: Socket = target.protocol === 'https:' ? tlsConnect({ host: target.hostname, port, servername: target.hostname }) : netConnect({ host: target.hostname, port });
  const path = `${target.pathname}${new URL(req.url ?? '/', 'http://x').search}`;
  const lines = [`${req.method ?? 'GET'} ${path} HTTP/1.1`, `host: ${target.host}`, 'connection: Upgrade', 'upgrade: websocket'];
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined || HOP_BY_HOP.has(name) || name === 'x-forwarded-for') continue;
    for (const one of Array.isArray(value) ? value : [value]) lines.push(`${name}: ${one}`);
  }
  for (const [name, value] of Object.entries(forwardingHeaders(req, upstreamTarget, path))) lines.push(`${name}: ${value}`);
  upstream.once(target.protocol === 'https:' ? 'secureConnect' : 'connect', () => {
    upstream.write(`${lines.join('\r\n')}\r\n\r\n`);
    if (head.length > 0) upstream.write(head);
    upstream.pipe(socket);
    socket.pipe(upstream);
  });
  const closeBoth = () => {
    upstream.destroy();
    socket.destroy();
  };
  upstream.on('error', closeBoth);
  socket.on('error', closeBoth);
  upstream.on('close', closeBoth);
  socket.on('close', closeBoth);
}
