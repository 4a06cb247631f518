/**
 * How the router calls its subgraphs: one undici `Agent` with keep-alive connections, a cap per
 * subgraph and bounded timeouts, behind the small `Fetcher` interface `RemoteGraphQLDataSource`
 * expects. Apollo's default (make-fetch-happen) cost about a tenth of the router's CPU; undici's
 * `request` skips the WHATWG fetch machinery (streams, Request and Headers objects) as well.
 *
 * "socket hang up": a client that reuses an idle connection just as the server closes it loses
 * the request. Subgraphs keep idle connections 5 s (Node's default `keepAliveTimeout`, and
 * `keepAliveTimeoutMs` in service-kit's http-server-limits); the router lets its own go after
 * at most {@link DEFAULT_SUBGRAPH_FETCH_LIMITS}.keepAliveTimeoutMs, well before, and also honours a shorter
 * `Keep-Alive: timeout=…` hint from the server, minus a margin.
 */
import type { RemoteGraphQLDataSource } from '@apollo/gateway';
import { Agent, request, type Dispatcher } from 'undici';
import { injectTraceContext, tracingActive } from '@hospital/service-kit';

/** The fetcher type `RemoteGraphQLDataSource` takes (from `@apollo/utils.fetcher`). */
export type Fetcher = RemoteGraphQLDataSource['fetcher'];
type FetcherRequestInit = NonNullable<Parameters<Fetcher>[1]>;
type FetcherResponse = Awaited<ReturnType<Fetcher>>;
type FetcherHeaders = FetcherResponse['headers'];

/** Connection and time bounds of subgraph calls. */
export interface SubgraphFetchLimits {
  /** Open connections per subgraph; requests beyond them queue. */
  connectionsPerSubgraph: number;
  /** An idle connection is closed after this long (must stay below the subgraphs' keep-alive timeout, 5 s). */
  keepAliveTimeoutMs: number;
  /** Until the subgraph's response headers have arrived. */
  headersTimeoutMs: number;
  /** Longest silence while the response body arrives. */
  bodyTimeoutMs: number;
  /** Until the TCP connection is open. */
  connectTimeoutMs: number;
}

/**
 * Defaults: a subgraph answers within its services' deadlines (5 s) and the router's own request
 * timeout (30 s) bounds the rest; 64 connections per subgraph carry far more than two cores serve.
 */
export const DEFAULT_SUBGRAPH_FETCH_LIMITS: SubgraphFetchLimits = {
  connectionsPerSubgraph: 64,
  keepAliveTimeoutMs: 4_000,
  headersTimeoutMs: 30_000,
  bodyTimeoutMs: 30_000,
  connectTimeoutMs: 5_000,
};

/** Response headers over undici's plain object (names arrive lower-cased). */
class ResponseHeaders implements FetcherHeaders {
  constructor(private readonly raw: Record<string, string | string[] | undefined>) {}
  get(name: string): string | null {
    const value = this.raw[name.toLowerCase()];
    return value === undefined ? null : Array.isArray(value) ? value.join(', ') : value;
  }
  has(name: string): boolean {
    return this.raw[name.toLowerCase()] !== undefined;
  }
  append(name: string, value: string): void {
    const existing = this.get(name);
    this.raw[name.toLowerCase()] = existing === null ? value : `${existing}, ${value}`;
  }
  set(name: string, value: string): void {
    this.raw[name.toLowerCase()] = value;
  }
  delete(name: string): void {
    // eslint-disable-next-line @typescript-eslint/no-dynamic-delete -- a header map keyed by lower-cased name
    delete this.raw[name.toLowerCase()];
  }
  *entries(): IterableIterator<[string, string]> {
    for (const name of Object.keys(this.raw)) {
      const value = this.get(name);
      if (value !== null) yield [name, value];
    }
  }
  *keys(): IterableIterator<string> {
    for (const [name] of this.entries()) yield name;
  }
  *values(): IterableIterator<string> {
    for (const [, value] of this.entries()) yield value;
  }
  [Symbol.iterator](): IterableIterator<[string, string]> {
    return this.entries();
  }
}

/** A response whose body is read once, as text or JSON. */
function responseOf(url: string, answer: Dispatcher.ResponseData, text: string): FetcherResponse {
  const response: FetcherResponse = {
    bodyUsed: true,
    url,
    redirected: false,
    status: answer.statusCode,
    ok: answer.statusCode >= 200 && answer.statusCode < 300,
    statusText: String(answer.statusCode),
    headers: new ResponseHeaders({ ...answer.headers }),
    arrayBuffer: async () => new TextEncoder().encode(text).buffer,
    text: async () => text,
    json: async () => JSON.parse(text) as unknown,
    clone: () => responseOf(url, answer, text),
  };
  return response;
}

/**
 * The headers plus the current span's `traceparent` (the gateway's fetch span), so the subgraph
 * continues the router's trace.
 */
function withTraceContext(headers: NonNullable<FetcherRequestInit['headers']>): Record<string, string> {
  const out: Record<string, string> = headers instanceof Array ? Object.fromEntries(headers) : { ...headers };
  injectTraceContext(out);
  return out;
}

/** The subgraph fetcher and the pool it owns. */
export interface SubgraphFetcher {
  fetch: Fetcher;
  /** Closes idle connections and waits for the ones in use. */
  close(): Promise<void>;
}

/**
 * Creates the fetcher the router's data sources share.
 * @param limits - connection and time bounds (defaults: {@link DEFAULT_SUBGRAPH_FETCH_LIMITS})
 */
export function createSubgraphFetcher(limits: Partial<SubgraphFetchLimits> = {}): SubgraphFetcher {
  const bounds = { ...DEFAULT_SUBGRAPH_FETCH_LIMITS, ...limits };
  const agent = new Agent({
    connections: bounds.connectionsPerSubgraph,
    pipelining: 1,
    keepAliveTimeout: bounds.keepAliveTimeoutMs,
    keepAliveMaxTimeout: bounds.keepAliveTimeoutMs,
    // Taken off a server's own Keep-Alive hint, so the client lets go first.
    keepAliveTimeoutThreshold: 1_000,
    headersTimeout: bounds.headersTimeoutMs,
    bodyTimeout: bounds.bodyTimeoutMs,
    connect: { timeout: bounds.connectTimeoutMs },
  });
  const fetch: Fetcher = async (url: string, init: FetcherRequestInit = {}) => {
    const answer = await request(url, {
      dispatcher: agent,
      method: init.method ?? 'GET',
      headers: init.headers && tracingActive() ? withTraceContext(init.headers) : init.headers,
      body: init.body,
      signal: init.signal as AbortSignal | undefined,
    });
    return responseOf(url, answer, await answer.body.text());
  };
  return { fetch, close: () => agent.close() };
}
