/**
 * Runs the facade's GraphQL operations in process through the router's own doors: the admission
 * pipeline (token, rate limits, load shedding, access by role and scope, cost) and then Apollo
 * Server over the gateway, with the caller's bearer token, client address and request id. So a
 * FHIR read is refused, limited and audited exactly as the same GraphQL operation would be.
 * The documents are the facade's own fixed texts (never the client's), which is why no browser
 * safelist applies to them: like an app's, they are admitted on their own merits.
 */
import type { ApolloServer } from '@apollo/server';
import type { Request, Response } from 'express';
import type { AdmissionPipeline } from '../admission/pipeline.ts';
import { httpHeadersOf, signInFirst, type AdmissionRefusal } from '../admission/refusal.ts';
import type { AdmissionState, RequestFacts } from '../admission/types.ts';
import type { Caller } from '@hospital/service-kit';
import type { RouterContext } from '../context.ts';
import { scopeOf } from '../request-log.ts';
import { fhirForbidden, interactionOf } from './forbidden.ts';
import { FhirError, fhirErrorOfCode } from './outcome.ts';

/** One caller's access to the supergraph for the length of one FHIR request. */
export interface FhirGraphQL {
  /** The admitted caller (bulk export keeps each export to its app). */
  readonly caller: Caller;
  /**
   * Runs one named operation; resolves its data or throws a {@link FhirError}.
   * @param query - a document with one named operation
   * @param variables - its variables
   */
  run<T>(query: string, variables?: Record<string, unknown>): Promise<T>;
}

/** Admits the caller of a FHIR request and returns their runner (throws a {@link FhirError} on refusal). */
export type FhirCallerAdmission = (req: Request, res: Response) => Promise<FhirGraphQL>;

function refusalError(refusal: AdmissionRefusal, caller?: Caller, operationName?: string | null): FhirError {
  // 403s name the FHIR type (and an app's missing scopes), never GraphQL coordinates.
  if (refusal.code === 'FORBIDDEN' && caller) return fhirForbidden(interactionOf(operationName), caller, refusal.fields);
  return fhirErrorOfCode(refusal.code, refusal.errors[0]?.message ?? 'Refused.', httpHeadersOf(refusal));
}

/** The name of the document's operation (the audit trail records it). */
function operationNameOf(query: string): string | undefined {
  return /^\s*(?:query|mutation)\s+([A-Za-z_][A-Za-z0-9_]*)/.exec(query)?.[1];
}

/**
 * Builds the admission of FHIR callers.
 * @param deps - the router's admission pipeline and its Apollo Server (started)
 */
export function fhirCallerAdmission(deps: { pipeline: AdmissionPipeline; server: ApolloServer<RouterContext> }): FhirCallerAdmission {
  const { pipeline, server } = deps;
  return async (req, res) => {
    const scope = scopeOf(res.locals);
    const aborted = new AbortController();
    res.once('close', () => {
      if (!res.writableFinished) aborted.abort();
    });
    const userAgent = req.get('user-agent');
    const facts: RequestFacts = {
      transport: 'http',
      method: 'POST',
      clientAddress: req.ip ?? 'unknown',
      userAgent,
      authorization: req.headers.authorization,
      requestId: scope.requestId,
      signal: aborted.signal,
    };
    const admitted = await pipeline.admitCaller(facts);
    if ('refused' in admitted) throw refusalError(admitted.refused);
    const state = admitted.state;
    // Records are never public: without a token the answer is 401, refused through the pipeline's
    // one refusal hook so it leaves its audit row like an anonymous GraphQL request.
    if (state.caller.kind === 'anonymous')
      throw refusalError(await pipeline.refuse(state, signInFirst('anonymous-gate', 'Sign in: send an access token as "Authorization: Bearer …".')));
    if (state.caller.kind === 'user') scope.userId = state.caller.userId;
    return { caller: state.caller, run: (query, variables) => runOperation(pipeline, server, state, res, query, variables ?? {}) };
  };
}

async function runOperation<T>(
  pipeline: AdmissionPipeline,
  server: ApolloServer<RouterContext>,
  callerState: AdmissionState,
  res: Response,
  query: string,
  variables: Record<string, unknown>,
): Promise<T> {
  // Load shedding holds a slot per operation; it is handed back when this operation is done.
  let release: ((completed: boolean) => void) | undefined;
  const state: AdmissionState = { ...callerState, facts: { ...callerState.facts, onSettled: (callback) => (release = callback) } };
  const operationName = operationNameOf(query) ?? null;
  try {
    const admission = await pipeline.admitOperation(state, { query, operationName, variables, extensions: undefined });
    if ('refused' in admission) throw refusalError(admission.refused, state.caller, operationName);
    const { admitted } = admission;
    const scope = scopeOf(res.locals);
    if (admitted.operationName) scope.operationName = admitted.operationName;
    const contextValue: RouterContext = { caller: admitted.caller, requestId: scope.requestId, scope, origin: admitted.origin, admitted };
    const response = await server.executeOperation({ query: admitted.query, variables, operationName: admitted.operationName }, { contextValue });
    if (response.body.kind !== 'single') throw new FhirError(500, 'exception', 'Internal server error.');
    const { data, errors } = response.body.singleResult;
    const first = errors?.[0];
    if (first?.extensions?.['code'] === 'FORBIDDEN') throw fhirForbidden(interactionOf(operationName), state.caller);
    if (first) throw fhirErrorOfCode(first.extensions?.['code'], first.message, retryAfterOf(first.extensions));
    return data as T;
  } finally {
    release?.(true);
  }
}

function retryAfterOf(extensions: Record<string, unknown> | undefined): Record<string, string> {
  const seconds = extensions?.['retryAfterSeconds'];
  return typeof seconds === 'number' ? { 'retry-after': String(seconds) } : {};
}
