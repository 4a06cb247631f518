/**
 * The router's configuration and its defaults (`main.ts` builds the configuration from the
 * environment; tests build it directly).
 */
import type { HttpServerLimits } from '@hospital/service-kit';
import type { LoadShedLimits } from './admission/steps/load-shed.ts';
import type { SubgraphFetchLimits } from './fetcher.ts';
import type { JwtConfig } from './jwt.ts';
import type { OperationLimits } from './operation-limits.ts';
import type { PersistedOperations } from './persisted-operations.ts';
import type { TrustProxy } from './rate-limit/client-ip.ts';
import type { RateLimitStore } from './rate-limit/rate-limit-store.ts';
import type { RateLimits } from './rate-limit/rate-limiter.ts';
import type { WsLimits } from './subscriptions/ws-connection.ts';

/** What an anonymous caller may send (availability before authentication). */
export interface AnonymousLimits {
  /** Largest JSON body, bytes (signed-in callers: `bodyLimitBytes`). */
  maxBodyBytes: number;
  /** Longest document text, characters (safelisted documents are exempt). */
  maxDocumentChars: number;
  /** Most tokens their document may have: parsing stops there. */
  maxTokens: number;
}

/**
 * Sign-in, refresh and the other public operations are a few hundred bytes and well under a
 * hundred tokens; these leave room for a client's own formatting and nothing more.
 */
export const DEFAULT_ANONYMOUS_LIMITS: AnonymousLimits = { maxBodyBytes: 8 * 1024, maxDocumentChars: 4 * 1024, maxTokens: 600 };

/** Most tokens a signed-in caller's document may have: parsing stops there, before any other work. */
export const MAX_TOKENS = 5_000;

/** Defaults of the WebSocket endpoint's limits. */
export const DEFAULT_WS_LIMITS: WsLimits = {
  subscriptionsPerConnection: 20,
  connectionsPerUser: 10,
  // An app serves many clinicians: its own cap, shared by all of them (see budgetOf).
  connectionsPerApp: 50,
  maxPayloadBytes: 64 * 1024,
  connectionInitTimeoutMs: 5_000,
};

/** Everything the router needs; `main.ts` builds it from the environment. */
export interface RouterConfig {
  port: number;
  /** Interface to bind (default 0.0.0.0). */
  host?: string;
  /** The composed supergraph (router/supergraph.graphql). */
  supergraphSdl: string;
  /** Subgraph URL overrides by subgraph name; others use the URL in the supergraph. */
  subgraphUrls: Record<string, string>;
  /** INTERNAL_SECRET, to sign the identity forwarded to subgraphs. */
  internalSecret: string;
  /** Access-token verification. */
  jwt: JwtConfig;
  /**
   * Where the revocation list comes from (revocation/): the identity service, polled. Without it,
   * tokens of deactivated users and changed roles count until they expire.
   */
  tokenRevocation?: { identityGrpcTarget: string; pollIntervalMs: number };
  /** Where operations refused at the edge are reported for the audit trail (the identity service). */
  refusalAudit?: { identityGrpcTarget: string };
  /**
   * Third-party apps (oauth/): the token endpoint asks the identity service, and the public base
   * URL names the endpoint (from each request when unset). Without it there is no token endpoint.
   */
  oauth?: {
    identityGrpcTarget: string;
    publicUrl?: string;
    originPollMs?: number;
    /** The web app's consent screen (`https://web.example/oauth/consent`); without it no authorization code flow. */
    consentUrl?: string;
  };
  /** The FHIR R4 facade (fhir/): the system URI of our MRNs (default under the public URL). */
  fhir?: { identifierSystem?: string };
  /** Masked errors, no introspection, no explorer unless `explorer` says so. */
  production: boolean;
  /**
   * The API explorer at `/explorer` (explorer/): default on outside production, off in production.
   * Its operations pass admission like any client's; in production only admins and apps get past the safelist from it.
   */
  explorer?: boolean;
  /** Largest accepted JSON body (default 1 MB). */
  bodyLimitBytes?: number;
  /** First-party browser origins admitted (WebSocket and CORS), besides live apps' registered ones (oauth/cors.ts); non-browser clients send none. */
  allowedOrigins?: string[];
  /** WebSocket limits; defaults in {@link DEFAULT_WS_LIMITS}. */
  wsLimits?: Partial<WsLimits>;
  /** Depth, alias and root-field limits; defaults in {@link DEFAULT_OPERATION_LIMITS}. */
  operationLimits?: Partial<OperationLimits>;
  /** Most an operation may cost (operation-cost.ts); default {@link DEFAULT_MAX_OPERATION_COST}. */
  maxOperationCost?: number;
  /** Per-user and per-address budgets; defaults in {@link DEFAULT_RATE_LIMITS}. */
  rateLimits?: Partial<RateLimits>;
  /** Where rate-limit counts live (default: this process's memory). The caller closes it. */
  rateLimitStore?: RateLimitStore;
  /** Which proxies' X-Forwarded-For sets the client address (Express `trust proxy`); default none. */
  trustProxy?: TrustProxy;
  /** ROUTER_PROXY_SECRET: a proxy that signs X-Forwarded-For with it (the web server) names the client address. */
  proxySecret?: string;
  /** Connections per subgraph and the timeouts of subgraph calls; defaults in fetcher.ts. */
  subgraphFetch?: Partial<SubgraphFetchLimits>;
  /** Header, request and keep-alive timeouts and the per-address connection cap; defaults in service-kit. */
  httpLimits?: HttpServerLimits;
  /** The web app's operation safelist and how strictly it applies (default: off, no manifest). */
  persistedOperations?: PersistedOperations;
  /** Operations in flight and queued before the router sheds load (503); defaults in {@link DEFAULT_LOAD_SHED_LIMITS}. */
  loadShed?: Partial<LoadShedLimits>;
  /** What anonymous callers may send; defaults in {@link DEFAULT_ANONYMOUS_LIMITS}. */
  anonymousLimits?: Partial<AnonymousLimits>;
}
