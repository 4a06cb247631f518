/**
 * Which address a request comes from. Behind a reverse proxy every request arrives from the
 * proxy, so the client's address is read from X-Forwarded-For, but only from a proxy that proves
 * itself with an HMAC of the header under ROUTER_PROXY_SECRET (the web server does), or from the
 * proxies the operator names by address (ROUTER_TRUST_PROXY, for load balancers that cannot sign):
 * a header from anyone else is a client's own claim and is ignored. The same rule serves Express
 * (`req.ip`, via {@link clientAddressMiddleware}) and the WebSocket handshake.
 */
import type { IncomingMessage } from 'node:http';
import type { RequestHandler } from 'express';
import proxyaddr from 'proxy-addr';
import { FORWARDED_PROOF_HEADER, verifyForwardedFor } from '@hospital/service-kit';

/** Off; on for every hop; the number of hops to trust; or the trusted addresses, subnets and names. */
export type TrustProxy = boolean | number | string[];

/** The compiled rule: whether the address at hop `index` (0 = the socket peer) is a trusted proxy. */
export type TrustFunction = (address: string, index: number) => boolean;

/**
 * Parses the ROUTER_TRUST_PROXY text: `false` (default), `true`, a hop count, or a comma list of
 * addresses, CIDR subnets and the names `loopback`, `linklocal`, `uniquelocal`.
 * @param text - the variable's value
 * @throws Error naming the bad entry
 */
export function parseTrustProxy(text: string): TrustProxy {
  const value = text.trim();
  if (value === '' || value === 'false') return false;
  if (value === 'true') return true;
  if (/^\d+$/.test(value)) return Number(value);
  const entries = value
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean);
  // proxy-addr throws on an invalid address or subnet: report it now, not at the first request.
  proxyaddr.compile(entries);
  return entries;
}

/**
 * Compiles the setting into the function Express's `trust proxy` and {@link clientAddress} use.
 * @param setting - from {@link parseTrustProxy}
 */
export function compileTrustProxy(setting: TrustProxy): TrustFunction {
  if (setting === true) return () => true;
  if (setting === false) return () => false;
  if (typeof setting === 'number') return (_address, index) => index < setting;
  return proxyaddr.compile(setting);
}

/**
 * The client address of a raw request (the WebSocket handshake), as Express computes `req.ip`.
 * @param req - the request
 * @param trust - from {@link compileTrustProxy}
 */
export function clientAddress(req: IncomingMessage, trust: TrustFunction): string {
  try {
    return proxyaddr(req, trust);
  } catch {
    return req.socket.remoteAddress ?? 'unknown';
  }
}

/** Who may name the client address: proxies trusted by address, and the secret a proxy proves itself with. */
export interface ClientAddressPolicy {
  /** ROUTER_TRUST_PROXY, parsed. */
  trustProxy: TrustProxy;
  /** ROUTER_PROXY_SECRET: X-Forwarded-For is believed one hop when signed with it. */
  proxySecret?: string;
  /** The clock proofs are dated against (default `Date.now`). */
  clock?: () => number;
}

/**
 * Whether the request carries a valid, fresh proof that a proxy holding the secret wrote its
 * X-Forwarded-For for this very method and path.
 * @param req - the request
 * @param proxySecret - ROUTER_PROXY_SECRET (undefined: nothing proves itself)
 * @param now - the current time in ms
 */
export function hasProxyProof(req: IncomingMessage, proxySecret: string | undefined, now: number = Date.now()): boolean {
  const forwarded = req.headers['x-forwarded-for'];
  const proof = req.headers[FORWARDED_PROOF_HEADER];
  if (!proxySecret || typeof forwarded !== 'string' || typeof proof !== 'string') return false;
  // Express rewrites req.url inside mounted routers; originalUrl is the request line's target.
  const path = (req as IncomingMessage & { originalUrl?: string }).originalUrl ?? req.url ?? '/';
  return verifyForwardedFor(proxySecret, { method: req.method ?? 'GET', path, forwardedFor: forwarded }, proof, now);
}

/** A request's client address, and whether the request came through a trusted proxy. */
export type ClientAddressResolver = ((req: IncomingMessage) => string) & {
  /** True when the socket peer is a proxy: proven by the secret, or named by address/range in ROUTER_TRUST_PROXY (never by a hop count or `true`). */
  isTrustedProxy(req: IncomingMessage): boolean;
};

/**
 * The one function deciding a request's client address (once per request), for HTTP and WebSocket alike: with a valid
 * proxy proof the socket peer is the proxy (trusted one hop), otherwise only ROUTER_TRUST_PROXY
 * decides; without either the socket address is used and X-Forwarded-For is ignored.
 * @param policy - see {@link ClientAddressPolicy}
 */
export function createClientAddressResolver(policy: ClientAddressPolicy): ClientAddressResolver {
  const byAddress = compileTrustProxy(policy.trustProxy);
  const proven: TrustFunction = (address, index) => index === 0 || byAddress(address, index);
  const clock = policy.clock ?? Date.now;
  // Memoised per request: the access log, admission, the connection cap and the WebSocket
  // handshake all ask, and the proof (an HMAC) is checked once.
  const proofs = new WeakMap<IncomingMessage, boolean>();
  const addresses = new WeakMap<IncomingMessage, string>();
  const proves = (req: IncomingMessage) => {
    let proven = proofs.get(req);
    if (proven === undefined) proofs.set(req, (proven = hasProxyProof(req, policy.proxySecret, clock())));
    return proven;
  };
  const resolve = (req: IncomingMessage) => {
    let address = addresses.get(req);
    if (address === undefined) addresses.set(req, (address = clientAddress(req, proves(req) ? proven : byAddress)));
    return address;
  };
  // Only a named address or range, or the proof, earns the connection cap's exemption: a hop count
  // or `true` would make every direct client a "proxy".
  const namedProxy = Array.isArray(policy.trustProxy) ? byAddress : () => false;
  return Object.assign(resolve, {
    isTrustedProxy: (req: IncomingMessage) => proves(req) || namedProxy(req.socket.remoteAddress ?? '', 0),
  });
}

/**
 * Express middleware giving `req.ip` the resolver's answer, so rate limits and the audit origin
 * read the same address the WebSocket handshake gets (Express's own `trust proxy` cannot see the proof).
 * @param resolve - from {@link createClientAddressResolver}
 */
export function clientAddressMiddleware(resolve: (req: IncomingMessage) => string): RequestHandler {
  return (req, _res, next) => {
    Object.defineProperty(req, 'ip', { value: resolve(req), configurable: true, enumerable: true });
    next();
  };
}
