/**
 * Per-request state of the router: the verified caller and the request scope shared with the
 * access log (request id, user id, operation name).
 */
import { randomUUID } from 'node:crypto';
import type { Caller, RequestContext, RequestOrigin } from '@hospital/service-kit';
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
  /** The request id forwarded to subgraphs and returned to the client. */
  requestId: string;
  /** The request's mutable scope (also bound in AsyncLocalStorage for log lines). */
  scope: RequestScope;
  /** Client IP and User-Agent, signed into the forwarded identity for the audit trail. */
  origin?: RequestOrigin;
  /** The operation the admission pipeline admitted; without one nothing may execute. */
  admitted?: AdmittedOperation;
}

/** Client-chosen ids are kept only when they are short and harmless in logs and headers. */
const SAFE_REQUEST_ID = /^[A-Za-z0-9._:-]{1,64}$/;

/**
 * The request id for a request: the client's `x-request-id` when sane, otherwise a fresh UUID.
 * @param header - the incoming header value(s)
 */
export function acceptRequestId(header: string | string[] | undefined): string {
  return typeof header === 'string' && SAFE_REQUEST_ID.test(header) ? header : randomUUID();
}
