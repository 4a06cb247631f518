/**
 * The per-request context every subgraph resolver receives. The caller comes ONLY from the
 * router's signed `x-hospital-identity` header: a request without a valid one did not come through
 * the router and is refused as a whole (HTTP 401), whatever else it carries.
 */
import { randomUUID } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import { GraphQLError } from 'graphql';
import {
  callMetadata,
  IDENTITY_HEADER,
  REQUEST_ID_HEADER,
  verifyIdentity,
  type Caller,
  type Logger,
} from '@hospital/service-kit';
import { LoaderRegistry } from './loaders.ts';

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

/** Request ids are echoed into logs: accept only short, plain ones. */
const REQUEST_ID_PATTERN = /^[A-Za-z0-9._:-]{1,128}$/;

/**
 * The request id to use: the router's, when well-formed, otherwise a new one.
 * @param headers - incoming HTTP headers
 */
export function requestIdFrom(headers: IncomingHttpHeaders): string {
  const value = headers[REQUEST_ID_HEADER];
  return typeof value === 'string' && REQUEST_ID_PATTERN.test(value) ? value : randomUUID();
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
