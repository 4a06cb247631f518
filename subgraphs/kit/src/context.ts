/**
 * The per-request context every subgraph resolver receives. The caller comes ONLY from the
 * router's signed `x-hospital-identity` header: a request without a valid one did not come through
 * the router and is refused as a whole (HTTP 401), whatever else it carries.
 */
import { randomUUID } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import { GraphQLError } from 'graphql';
import { IDENTITY_HEADER, REQUEST_ID_HEADER, verifyIdentity, type Caller, type Logger, safeRequestId } from '@hospital/service-kit';
import { callMetadata } from '@hospital/service-kit/grpc';
import type DataLoader from 'dataloader';

/** gRPC metadata, as `callMetadata` builds it (the kit needs no direct grpc-js dependency). */
export type GrpcMetadata = ReturnType<typeof callMetadata>;

/** What every resolver gets as its third argument (the codegen `contextType`). */
export interface SubgraphContext {
  /** The verified caller: a signed-in user, or anonymous for public operations. */
  caller: Caller;
  /** The router's signed identity, forwarded unchanged to gRPC services. */
  identityToken: string;
  /** The request id from the router (or a fresh one). */
  requestId: string;
  /** Logger; log lines carry the request id through `requestContextStore`. */
  logger: Logger;
  /** Fresh metadata for one gRPC call on behalf of this caller. */
  grpcMetadata(): GrpcMetadata;
  /** Per-request DataLoaders (see `defineLoader`). */
  loaders: LoaderRegistry;
}

/**
 * The request id to use: the router's, when well-formed, otherwise a new one.
 * @param headers - incoming HTTP headers
 */
export function requestIdFrom(headers: IncomingHttpHeaders): string {
  // Request ids are echoed into logs: the kit's rule keeps only short, plain ones.
  return safeRequestId(headers[REQUEST_ID_HEADER]) ?? randomUUID();
}

/** The error that refuses a request without a valid router identity. */
export function unauthenticatedRequest(): GraphQLError {
  return new GraphQLError('Missing or invalid internal identity.', { extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } } });
}

/**
 * Builds the context of one request, or throws UNAUTHENTICATED (HTTP 401).
 * @param input - headers, request id, internal secret and logger
 */
export function buildSubgraphContext(input: { headers: IncomingHttpHeaders; requestId: string; internalSecret: string; logger: Logger }): SubgraphContext {
  const header = input.headers[IDENTITY_HEADER];
  const identityToken = typeof header === 'string' ? header : undefined;
  const caller = verifyIdentity(identityToken, input.internalSecret);
  if (!caller || !identityToken) throw unauthenticatedRequest();
  const { requestId } = input;
  const context: SubgraphContext = {
    caller,
    identityToken,
    requestId,
    logger: input.logger,
    grpcMetadata: () => callMetadata(identityToken, requestId),
    loaders: new LoaderRegistry(() => context),
  };
  return context;
}

/** A typed handle for one kind of loader; the registry creates it lazily, once per request. */
export interface LoaderKey<K, V> {
  /** Name for debugging. */
  readonly name: string;
  /** Builds the loader for one request (it needs the request's gRPC metadata). */
  readonly create: (context: SubgraphContext) => DataLoader<K, V | null>;
}

/**
 * Declares a loader kind. Subgraphs call this once, at schema build time, with their client.
 * @param name - name for debugging
 * @param create - builds the loader for one request
 */
export function defineLoader<K, V>(name: string, create: (context: SubgraphContext) => DataLoader<K, V | null>): LoaderKey<K, V> {
  return { name, create };
}

/** The loaders of one request, created on first use. */
export class LoaderRegistry {
  private readonly loaders = new Map<LoaderKey<unknown, unknown>, DataLoader<unknown, unknown>>();

  /** @param context - the request the loaders belong to */
  constructor(private readonly context: () => SubgraphContext) {}

  /**
   * The request's loader for a key, created on first use.
   * @param key - a handle from `defineLoader`
   */
  get<K, V>(key: LoaderKey<K, V>): DataLoader<K, V | null> {
    let loader = this.loaders.get(key);
    if (!loader) {
      loader = key.create(this.context());
      this.loaders.set(key, loader);
    }
    return loader as DataLoader<K, V | null>;
  }
}
