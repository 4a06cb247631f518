/**
 * Per-request state of the router: the verified caller and the request scope shared with the
 * access log (request id, user id, operation name).
 */
import { randomUUID } from 'node:crypto';
import { safeRequestId, type Caller, type RequestContext, type RequestOrigin } from '@hospital/service-kit';
import type { AdmittedOperation } from './admission/types.ts';

/** What the access log needs to know about a request, filled in as the request proceeds. */
export interface RequestScope extends RequestContext {
  /** The operation name once Apollo Server has resolved the operation. */
  operationName?: string;
}

/** The Apollo Server context value of every router request. */
export interface RouterContext {
  /** Who is calling, from the verified access token (anonymous without one). */
  caller: Caller;
  /** The router-minted request id, forwarded to subgraphs and returned to the client. */
  requestId: string;
  /** The request's mutable scope (also bound in AsyncLocalStorage for log lines). */
  scope: RequestScope;
  /** Client IP and User-Agent, signed into the forwarded identity for the audit trail. */
  origin?: RequestOrigin;
  /** The operation the admission pipeline admitted; without one nothing may execute. */
  admitted?: AdmittedOperation;
}

/**
 * A request id the router mints for every request (HTTP and WebSocket): forwarded to subgraphs,
 * written to the audit trail and the logs, returned as `x-request-id`. Never the client's choice:
 * the audit trail de-duplicates by it, so a reused client id would hide repeated reads.
 */
export function mintRequestId(): string {
  return randomUUID();
}

/** The response header echoing the client's own request id (see {@link clientRequestIdOf}). */
export const CLIENT_REQUEST_ID_HEADER = 'x-client-request-id';

/**
 * The client's `x-request-id` when sane, kept only to correlate in the access log; otherwise undefined.
 * @param header - the incoming header value(s)
 */
export function clientRequestIdOf(header: string | string[] | undefined): string | undefined {
  return safeRequestId(header);
}
