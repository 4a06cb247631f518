/**
 * The HTTP transport's adapter to the admission pipeline: three Express steps in front of Apollo
 * Server. The caller steps run before the body is read (a refused token costs no JSON parsing);
 * the body limit then depends on who is calling (anonymous callers may only send small bodies);
 * the document steps run on the parsed body, load shedding first: a slot is taken only once the
 * whole body is in, so a client trickling its body holds none (the server's request timeout,
 * http-server-limits.ts, bounds how long it may take). An admitted request reaches Apollo Server with its
 * safelisted text in place and the admitted operation in `res.locals`; a refused one is answered
 * here with its status, headers and formatted errors.
 */
import type { GraphQLFormattedError } from 'graphql';
import express, { type Request, type RequestHandler, type Response } from 'express';
import { withResolvedQuery } from '../persisted-operations.ts';
import { scopeOf } from '../request-log.ts';
import type { AdmissionPipeline } from './pipeline.ts';
import { httpHeadersOf, httpStatusOf, type AdmissionRefusal } from './refusal.ts';
import type { AdmissionState, AdmittedOperation, RequestFacts } from './types.ts';

/** Formats one error as it leaves the router (the router's shared formatError). */
export type ErrorFormatter = (formatted: GraphQLFormattedError, error: unknown) => GraphQLFormattedError;

/**
 * Writes a refusal as the HTTP answer.
 * @param res - the response
 * @param refusal - the pipeline's refusal
 * @param formatError - the shared formatter (masks and strips in production)
 */
export function sendRefusal(res: Response, refusal: AdmissionRefusal, formatError: ErrorFormatter): void {
  for (const [name, value] of Object.entries(httpHeadersOf(refusal))) res.setHeader(name, value);
  res.status(httpStatusOf(refusal)).json({ errors: refusal.errors.map((error) => formatError(error.toJSON(), error)) });
}

/** The caller state admitted for this request. */
export function admissionStateOf(res: Response): AdmissionState | undefined {
  return res.locals['admission'] as AdmissionState | undefined;
}

/** The admitted operation of this request, if the pipeline admitted one. */
export function admittedOf(res: Response): AdmittedOperation | undefined {
  return res.locals['admitted'] as AdmittedOperation | undefined;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const SIMPLE_CONTENT_TYPES = new Set(['application/x-www-form-urlencoded', 'multipart/form-data', 'text/plain']);

/** Whether Apollo Server's CSRF prevention lets a GET through (otherwise it refuses it itself). */
function passesCsrfPrevention(req: Request): boolean {
  const type = req.headers['content-type']?.split(';')[0]?.trim().toLowerCase();
  if (type && !SIMPLE_CONTENT_TYPES.has(type)) return true;
  return ['x-apollo-operation-name', 'apollo-require-preflight'].some((name) => Boolean(req.headers[name]));
}

type DocumentFacts = Pick<RequestFacts, 'query' | 'extensions' | 'operationName' | 'variables'>;

/** The request's document facts, or undefined when Apollo Server should refuse its shape itself. */
function documentFacts(req: Request): DocumentFacts | undefined {
  let source: Record<string, unknown>;
  if (req.method === 'POST') {
    if (!isObject(req.body)) return undefined;
    source = req.body;
  } else if (req.method === 'GET') {
    if (!passesCsrfPrevention(req)) return undefined;
    const params = new URL(req.url, 'http://router.invalid').searchParams;
    // A GET without a query is the landing page (or a shape error Apollo Server answers).
    if (!params.has('query') && !params.has('extensions')) return undefined;
    try {
      source = {
        query: params.get('query') ?? undefined,
        operationName: params.get('operationName') ?? undefined,
        variables: params.has('variables') ? JSON.parse(params.get('variables') ?? '') : undefined,
        extensions: params.has('extensions') ? JSON.parse(params.get('extensions') ?? '') : undefined,
      };
    } catch {
      return undefined;
    }
  } else {
    return undefined;
  }
  const { query, extensions, operationName, variables } = source;
  if (operationName !== undefined && operationName !== null && typeof operationName !== 'string') return undefined;
  if (variables !== undefined && variables !== null && !isObject(variables)) return undefined;
  return { query, extensions, operationName: operationName ?? null, variables: variables ?? null };
}

/** Puts the admitted (safelisted) text in place for Apollo Server, without the hash. */
function rewriteRequest(req: Request, admitted: AdmittedOperation): void {
  const query = admitted.persisted ? admitted.query : undefined;
  if (req.method === 'POST') {
    req.body = withResolvedQuery(req.body as Record<string, unknown>, query);
    return;
  }
  const url = new URL(req.url, 'http://router.invalid');
  const params = url.searchParams;
  if (query !== undefined) params.set('query', query);
  const extensions = params.get('extensions');
  if (extensions !== null) params.set('extensions', JSON.stringify(withResolvedQuery({ extensions: JSON.parse(extensions) as unknown }, undefined).extensions));
  req.url = `${url.pathname}${url.search}`;
}

/**
 * The Express steps, to mount on `/graphql` in this order before Apollo Server's middleware.
 * @param options - the pipeline, the shared formatter, and the body limits (signed-in, anonymous)
 */
export function httpAdmission(options: {
  pipeline: AdmissionPipeline;
  formatError: ErrorFormatter;
  bodyLimitBytes: number;
  anonymousBodyLimitBytes: number;
  /** Whether a request comes from the router's own explorer page (unset: the explorer is off). */
  fromExplorer?: ((req: Request) => boolean) | undefined;
}): RequestHandler[] {
  const { pipeline, formatError } = options;
  const signedInBody = express.json({ limit: options.bodyLimitBytes });
  const anonymousBody = express.json({ limit: Math.min(options.bodyLimitBytes, options.anonymousBodyLimitBytes) });
  const admitCaller: RequestHandler = (req, res, next) => {
    const scope = scopeOf(res.locals);
    const method = req.method === 'GET' || req.method === 'POST' ? req.method : undefined;
    const userAgent = req.get('user-agent');
    // The response closes when it is sent or when the client goes away; only the latter matters
    // (a request waiting for a slot leaves the queue).
    const aborted = new AbortController();
    res.once('close', () => {
      if (!res.writableFinished) aborted.abort();
    });
    const facts: RequestFacts = {
      transport: 'http',
      method,
      clientAddress: req.ip ?? 'unknown',
      userAgent,
      authorization: req.headers.authorization,
      origin: req.headers.origin,
      fromExplorer: options.fromExplorer?.(req) === true,
      requestId: scope.requestId,
      onSettled: (callback) => (res.closed ? callback(res.writableFinished) : res.once('close', () => callback(res.writableFinished))),
      signal: aborted.signal,
    };
    pipeline.admitCaller(facts).then((result) => {
      if ('refused' in result) return sendRefusal(res, result.refused, formatError);
      if (result.state.caller.kind === 'user') scope.userId = result.state.caller.userId;
      res.locals['admission'] = result.state;
      next();
    }, next);
  };
  const readBody: RequestHandler = (req, res, next) => {
    const signedIn = admissionStateOf(res)?.caller.kind === 'user';
    (signedIn ? signedInBody : anonymousBody)(req, res, next);
  };
  const admitOperation: RequestHandler = (req, res, next) => {
    const state = admissionStateOf(res);
    const document = state ? documentFacts(req) : undefined;
    // Not readable as an operation: Apollo Server refuses the shape itself (and the auth plugin
    // refuses anything that was not admitted, should it ever reach execution).
    if (!state || !document) return next();
    pipeline.admitOperation(state, document).then((admission) => {
      if ('refused' in admission) return sendRefusal(res, admission.refused, formatError);
      res.locals['admitted'] = admission.admitted;
      if (admission.admitted.operationName) scopeOf(res.locals).operationName = admission.admitted.operationName;
      rewriteRequest(req, admission.admitted);
      next();
    }, next);
  };
  return [admitCaller, readBody, admitOperation];
}
