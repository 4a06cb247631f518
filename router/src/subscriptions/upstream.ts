/**
 * graphql-ws connections from the router to subgraphs: pooled per subgraph and caller, lazy
 * (open while a subscription needs them), with keep-alive pings so a dead subgraph is noticed,
 * and no silent reconnect: an upstream that drops ends its subscriptions with a clear error.
 */
import type { FormattedExecutionResult } from 'graphql';
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import { actingAppKey, signIdentity, type Caller } from '@hospital/service-kit';

/** An upstream subscription request. */
export interface UpstreamRequest {
  query: string;
  operationName?: string;
  variables: Record<string, unknown>;
}

/** A stable key for the caller, part of pool and de-duplication keys. */
export function callerKey(caller: Caller): string {
  if (caller.kind === 'app') return `app:${caller.clientId}:${caller.scopes.join(' ')}`;
  return caller.kind === 'user' ? `user:${caller.userId}:${caller.role}${actingAppKey(caller)}` : caller.kind;
}

/** Subgraph WebSocket URL from its HTTP URL (same host, port and path). */
export function toWebSocketUrl(httpUrl: string): string {
  return httpUrl.replace(/^http/, 'ws');
}

/** Pool of graphql-ws clients by subgraph URL and caller. */
export class UpstreamPool {
  private readonly clients = new Map<string, Client>();

  /**
   * @param internalSecret - signs the caller into connectionParams, as on HTTP
   * @param keepAliveMs - ping interval towards subgraphs
   */
  constructor(
    private readonly internalSecret: string,
    private readonly keepAliveMs = 10_000,
  ) {}

  /** Open connections (for tests and metrics). */
  get size(): number {
    return this.clients.size;
  }

  private client(url: string, caller: Caller): Client {
    const key = `${url}\n${callerKey(caller)}`;
    let client = this.clients.get(key);
    if (!client) {
      client = createClient({
        url,
        webSocketImpl: WebSocket,
        lazy: true,
        lazyCloseTimeout: 1_000,
        keepAlive: this.keepAliveMs,
        retryAttempts: 0,
        // Signed at each (re)connect: the internal identity is short-lived.
        connectionParams: () => ({ identity: signIdentity(caller, this.internalSecret) }),
        on: {
          closed: () => {
            if (this.clients.get(key) === client) this.clients.delete(key);
          },
        },
      });
      this.clients.set(key, client);
    }
    return client;
  }

  /**
   * Subscribes upstream; the iterator throws when the subgraph goes away.
   * @param url - the subgraph's ws:// URL
   * @param caller - whose identity the subgraph sees
   * @param request - the primary operation of the plan
   */
  subscribe(url: string, caller: Caller, request: UpstreamRequest): AsyncIterable<FormattedExecutionResult> {
    return this.client(url, caller).iterate(request);
  }

  /** Closes every connection. */
  async close(): Promise<void> {
    await Promise.all([...this.clients.values()].map((c) => c.dispose()));
    this.clients.clear();
  }
}
