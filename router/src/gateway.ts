/**
 * The federation gateway: plans each operation over the supergraph and calls subgraphs with the
 * router-signed identity. No client header is ever forwarded, so a client cannot smuggle in its
 * own `x-hospital-identity`.
 */
import { createHash } from 'node:crypto';
import { ApolloGateway, RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { operationFromDocument } from '@apollo/federation-internals';
import { Kind, parse, type DocumentNode } from 'graphql';
import { actingAppKey, IDENTITY_HEADER, IDENTITY_TOKEN_TTL_SECONDS, REQUEST_ID_HEADER, signIdentity, type Caller, type Logger, type RequestOrigin } from '@hospital/service-kit';
import type { RouterContext } from './context.ts';
import type { Fetcher } from './fetcher.ts';

/** A signed identity kept for the fetches of one request. */
interface SignedFor {
  caller: Caller;
  operation: string | undefined;
  token: string;
  signedAt: number;
}

/**
 * A kept token is reused for this long: well inside its lifetime, so a long-lived context (a
 * subscription's, which resolves fields on every event) still forwards a valid one.
 */
const REUSE_MS = (IDENTITY_TOKEN_TTL_SECONDS * 1000) / 2;

/** Distinct (caller, origin, operation) tokens kept for reuse across requests. */
const MAX_SHARED = 2_000;

/**
 * The identity forwarded for a request, signed once and reused by every subgraph fetch of that
 * request (a dashboard's plan makes several), and by later requests whose signed claims would be
 * the same: same caller, client address, User-Agent and operation. Such a token says nothing
 * another request's would not (the request id travels apart, in `x-request-id`), and it is never
 * forwarded past half its lifetime, so no forwarded token lives longer than before. Kept beside
 * the context object too, so a long-lived context (a subscription's) re-signs when its token ages.
 */
export class RequestIdentitySigner {
  private readonly byContext = new WeakMap<object, SignedFor>();
  private readonly byClaims = new Map<string, SignedFor>();
  /** Tokens signed so far (tests: proof that requests reuse them). */
  signatures = 0;

  /** @param internalSecret - INTERNAL_SECRET shared with subgraphs */
  constructor(private readonly internalSecret: string) {}

  /**
   * The identity header value for a request's context.
   * @param context - the request's router context (the same object for all its fetches)
   */
  tokenFor(context: Partial<RouterContext>): string {
    // Requests without a router context (none expected with a static supergraph) go out as the
    // least privileged caller rather than unsigned.
    const caller: Caller = context.caller ?? ANONYMOUS;
    const operation = context.scope?.operationName;
    const now = Date.now();
    const kept = this.byContext.get(context);
    if (kept && kept.caller === caller && kept.operation === operation && now - kept.signedAt < REUSE_MS) return kept.token;
    // Where the request came from and which operation it is travel signed, for the audit trail.
    const origin = { ...context.origin, operation };
    const key = claimsKey(caller, origin);
    let signed = this.byClaims.get(key);
    if (!signed || now - signed.signedAt >= REUSE_MS) {
      signed = { caller, operation, token: signIdentity(caller, this.internalSecret, origin), signedAt: now };
      this.signatures += 1;
      this.byClaims.delete(key);
      this.byClaims.set(key, signed);
      if (this.byClaims.size > MAX_SHARED) this.byClaims.delete(this.byClaims.keys().next().value as string);
    }
    this.byContext.set(context, { ...signed, caller, operation });
    return signed.token;
  }
}

/** Everything a forwarded identity's claims are made of (besides the times), as one key. */
function claimsKey(caller: Caller, origin: RequestOrigin): string {
  const who =
    caller.kind === 'user'
      ? `u\0${caller.userId}\0${caller.role}\0${caller.email}${actingAppKey(caller)}`
      : caller.kind === 'service'
        ? `s\0${caller.service}`
        : caller.kind === 'app'
          ? `p\0${caller.clientId}\0${caller.name}\0${caller.scopes.join(' ')}`
          : 'a';
  // Cut as signIdentity cuts them: a long User-Agent adds nothing to the claims, nor to memory here.
  const cut = (value: string | undefined) => (value ?? '').slice(0, 256);
  return `${who}\0${cut(origin.ip)}\0${cut(origin.userAgent)}\0${cut(origin.operation)}`;
}

const ANONYMOUS: Caller = { kind: 'anonymous' };

/** Sends subgraph requests carrying the caller signed with the internal secret (also used per subscription event). */
export class SignedIdentityDataSource extends RemoteGraphQLDataSource<RouterContext> {
  private readonly signer: RequestIdentitySigner;

  /**
   * @param url - the subgraph's GraphQL endpoint
   * @param signer - signs each request's identity once, for all its subgraph fetches
   * @param fetcher - the shared keep-alive fetcher (fetcher.ts); Apollo's default otherwise
   */
  constructor(url: string, signer: RequestIdentitySigner, fetcher?: Fetcher) {
    // RemoteGraphQLDataSource Object.assigns its config: an undefined fetcher would replace its default one.
    // eslint-disable-next-line house/conditional-spread -- the library's default fetcher stays unless one is given
    super({ url, ...(fetcher ? { fetcher } : {}) });
    this.signer = signer;
  }

  override willSendRequest(options: GraphQLDataSourceProcessOptions<RouterContext>): void {
    const headers = options.request.http?.headers;
    if (!headers) return;
    const context = options.context as Partial<RouterContext>;
    headers.set(IDENTITY_HEADER, this.signer.tokenFor(context));
    if (context.requestId) headers.set(REQUEST_ID_HEADER, context.requestId);
  }
}

/** The gateway and the subgraph URLs it actually uses (filled in when it loads). */
export interface RouterGateway {
  gateway: ApolloGateway;
  /** Subgraph name → URL in use, known once the gateway has loaded. */
  subgraphs: Map<string, string>;
}

/**
 * Creates the gateway over a static supergraph.
 * @param options - supergraph SDL, URL overrides by subgraph name, the identity signer, the subgraph fetcher, logger
 */
export function createGateway(options: {
  supergraphSdl: string;
  subgraphUrls: Record<string, string>;
  signer: RequestIdentitySigner;
  fetcher: Fetcher;
  logger: Logger;
}): RouterGateway {
  const subgraphs = new Map<string, string>();
  // @apollo/gateway otherwise sends usage metrics to Apollo and probes cloud metadata endpoints
  // (169.254.169.254) at construction; it reads this switch only from the environment. A hospital
  // system never phones home, so the switch is forced here rather than left to each deployment.
  process.env['APOLLO_TELEMETRY_DISABLED'] = 'true';
  const gateway = new ApolloGateway({
    supergraphSdl: options.supergraphSdl,
    logger: options.logger,
    buildService: ({ name, url }) => {
      const target = options.subgraphUrls[name] ?? url;
      if (!target) throw new Error(`No URL for subgraph "${name}"`);
      subgraphs.set(name, target);
      return new SignedIdentityDataSource(target, options.signer, options.fetcher);
    },
  });
  return { gateway, subgraphs };
}

/**
 * Fails when an override names a subgraph the supergraph does not have (a typo would otherwise
 * leave the real subgraph at its default URL without anyone noticing).
 * @param overrides - configured URL overrides
 * @param loaded - subgraphs the gateway built
 */
export function assertOverridesMatch(overrides: Record<string, string>, loaded: Map<string, string>): void {
  const unknown = Object.keys(overrides).filter((name) => !loaded.has(name));
  if (unknown.length > 0) throw new Error(`URL overrides for subgraphs not in the supergraph: ${unknown.join(', ')}`);
}

/** The parts of `ApolloGateway` plan warming needs (not public API: checked before use). */
interface GatewayPlanning {
  apiSchema?: Parameters<typeof operationFromDocument>[0];
  queryPlanner?: { buildQueryPlan(operation: ReturnType<typeof operationFromDocument>, options?: Record<string, unknown>): unknown };
  queryPlanStore?: { set(key: string, plan: unknown): Promise<void> };
  recursiveSelectionsLimitDisabled?: boolean;
  nonLocalSelectionsLimitDisabled?: boolean;
}

const sha256 = (...parts: string[]) => {
  const hash = createHash('sha256');
  for (const part of parts) hash.update(part);
  return hash.digest('hex');
};

/**
 * Plans every query and mutation of the given documents (the safelist) into the gateway's plan
 * cache, under the keys its executor looks up (sha256 of the text, then with the operation
 * name), so the first dashboard after a start does not pay for planning. Subscriptions are
 * planned by the WebSocket endpoint instead. Needs the gateway loaded (after `server.start()`).
 * @param gateway - the loaded gateway
 * @param documents - document texts
 * @param logger - says how many were planned, or why none
 * @returns how many operations were planned
 */
export async function warmQueryPlans(gateway: ApolloGateway, documents: Iterable<string>, logger: Logger): Promise<number> {
  const planning = gateway as unknown as GatewayPlanning;
  const { apiSchema, queryPlanner, queryPlanStore } = planning;
  if (!apiSchema || !queryPlanner || !queryPlanStore) {
    logger.warn('query plans not warmed: this @apollo/gateway version keeps its planner elsewhere');
    return 0;
  }
  const limits = {
    recursiveSelectionsLimitDisabled: planning.recursiveSelectionsLimitDisabled ?? false,
    nonLocalSelectionsLimitDisabled: planning.nonLocalSelectionsLimitDisabled ?? false,
  };
  let planned = 0;
  for (const text of documents) {
    let document: DocumentNode;
    try {
      document = parse(text);
    } catch {
      continue;
    }
    const operations = document.definitions.filter((definition) => definition.kind === Kind.OPERATION_DEFINITION);
    for (const definition of operations) {
      if (definition.operation === 'subscription') continue;
      const name = definition.name?.value;
      try {
        const plan = queryPlanner.buildQueryPlan(operationFromDocument(apiSchema, document, name ? { operationName: name } : {}), limits);
        const queryHash = sha256(text);
        if (name) await queryPlanStore.set(sha256(queryHash, name), plan);
        // Sent without an operationName, a one-operation document is planned under the text's hash.
        if (operations.length === 1) await queryPlanStore.set(queryHash, plan);
        planned += 1;
      } catch (error) {
        // A safelisted document the schema no longer serves fails at request time as before.
        logger.warn({ operation: name, err: error }, 'could not plan a safelisted operation');
      }
    }
  }
  logger.info({ planned }, 'query plans warmed from the safelist');
  return planned;
}
