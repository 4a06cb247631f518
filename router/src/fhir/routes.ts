/**
 * The FHIR R4 REST facade at `/fhir/R4`: `metadata`, read (`GET /{type}/{id}`) and search
 * (`GET /{type}?…`) for the implemented resource types, JSON only. Every answer is
 * `application/fhir+json`; every failure is an OperationOutcome.
 */
import express, { type Request, type RequestHandler, type Response } from 'express';
import type { Resource } from '@medplum/fhirtypes';
import type { Logger } from '@hospital/service-kit';
import { baseUrlOf } from '../oauth/token-endpoint.ts';
import { PATIENT_EXPORT_DEFINITION, type BulkExportHandler } from './bulk-export/export-routes.ts';
import type { RateLimiter } from '../rate-limit/rate-limiter.ts';
import { searchsetBundle } from './bundle.ts';
import { capabilityStatement, type FhirOperationDescription } from './capability.ts';
import type { FhirCallerAdmission, FhirGraphQL } from './graphql-runner.ts';
import { FhirError } from './outcome.ts';
import type { FhirResourceType, FhirSettings } from './resources/resource-type.ts';
import { parseSearch } from './search-params.ts';

/** Where the facade is mounted. */
export const FHIR_BASE_PATH = '/fhir/R4';
/** The media type of every answer. */
export const FHIR_JSON = 'application/fhir+json';
const FHIR_ID = /^[A-Za-z0-9.-]{1,64}$/;

/** An instance operation (`GET /{type}/{id}/${name}`). */
export interface FhirInstanceOperation extends FhirOperationDescription {
  type: string;
  /**
   * Runs the operation.
   * @param gql - the caller's runner
   * @param id - the instance id (valid FHIR id)
   * @param base - the facade's base URL
   */
  run(gql: FhirGraphQL, id: string, base: string): Promise<Resource>;
}

/** What the routes need. */
export interface FhirRouteDeps {
  types: readonly FhirResourceType[];
  operations?: readonly FhirInstanceOperation[];
  settings: FhirSettings;
  admitCaller: FhirCallerAdmission;
  /** The per-address budget metadata requests are charged to (data requests pay in admission). */
  rateLimiter: RateLimiter;
  /** The Bulk Data endpoints (`Patient/$export` and its status and file URLs), when served. */
  bulkExport?: BulkExportHandler;
  /** The router's public URL, for absolute links; the request's host otherwise. */
  publicUrl?: string;
  logger: Logger;
}

/** Sends a FHIR JSON body. */
function send(res: Response, status: number, body: Resource): void {
  res.status(status).type(`${FHIR_JSON}; charset=utf-8`).send(JSON.stringify(body));
}

/** Whether the client accepts FHIR JSON (Accept and `_format`); XML and other media types are 406. */
function acceptsFhirJson(req: Request): boolean {
  const format = req.query['_format'];
  if (format !== undefined && !(typeof format === 'string' && ['json', FHIR_JSON, 'application/json'].includes(format))) return false;
  if (!req.get('accept')) return true;
  return req.accepts([FHIR_JSON, 'application/json']) !== false;
}

/** The facade's base URL: under ROUTER_PUBLIC_URL, else the accepted address (never the Host header). */
function fhirBaseOf(req: Request, publicUrl: string | undefined): string {
  return `${baseUrlOf(req, publicUrl?.replace(/\/+$/, ''))}${FHIR_BASE_PATH}`;
}

/**
 * The facade's Express router, to mount at {@link FHIR_BASE_PATH}.
 * @param deps - resource types, settings, the caller admission and the address budget
 */
export function fhirRoutes(deps: FhirRouteDeps): RequestHandler {
  const byType = new Map(deps.types.map((type) => [type.type as string, type]));
  const operations = new Map((deps.operations ?? []).map((op) => [`${op.type}/$${op.name}`, op]));
  const operationsByType: Record<string, FhirOperationDescription[]> = {};
  for (const op of deps.operations ?? []) (operationsByType[op.type] ??= []).push({ name: op.name, definition: op.definition });
  if (deps.bulkExport) (operationsByType['Patient'] ??= []).push({ name: 'export', definition: PATIENT_EXPORT_DEFINITION });
  const startedAt = new Date().toISOString();
  const router = express.Router();

  const handle = async (req: Request, res: Response): Promise<void> => {
    const base = fhirBaseOf(req, deps.publicUrl);
    const segments = req.path.split('/').filter((part) => part !== '');
    // Bulk Data first: its files are NDJSON and its status URLs take DELETE.
    if (deps.bulkExport && (await deps.bulkExport(req, res, segments, base, () => deps.admitCaller(req, res)))) return;
    if (!acceptsFhirJson(req)) throw new FhirError(406, 'not-supported', `Only ${FHIR_JSON} is served.`);
    if (req.method !== 'GET' && req.method !== 'HEAD') throw new FhirError(405, 'not-supported', 'This facade is read-only: use GET.', { allow: 'GET' });
    if (segments.length === 1 && segments[0] === 'metadata') {
      const budget = await deps.rateLimiter.take('ip', req.ip ?? 'unknown');
      if (!budget.allowed) throw new FhirError(429, 'throttled', 'Too many requests; retry later.', { 'retry-after': String(budget.retryAfterSeconds ?? 1) });
      return send(res, 200, capabilityStatement(deps.types, { base, date: startedAt, operations: operationsByType }));
    }
    const type = byType.get(segments[0] ?? '');
    if (!type || segments.length > 3) throw new FhirError(404, 'not-supported', `No such FHIR endpoint: ${req.path}; see ${FHIR_BASE_PATH}/metadata.`);
    const id = segments[1];
    if (id !== undefined && !FHIR_ID.test(id)) throw new FhirError(400, 'invalid', `"${id}" is not a FHIR id.`);
    const operation = segments[2] !== undefined ? operations.get(`${type.type}/${segments[2]}`) : undefined;
    if (segments[2] !== undefined && !operation) throw new FhirError(404, 'not-supported', `No operation ${segments[2]} on ${type.type}.`);
    // The caller first: without a valid token every data endpoint answers 401, whatever it was sent.
    const gql = await deps.admitCaller(req, res);
    const search = id === undefined ? parseSearch(req.query, type.searchParams) : undefined;
    if (operation && id !== undefined) return send(res, 200, await operation.run(gql, id, base));
    if (id !== undefined) return send(res, 200, await type.read(gql, id, deps.settings));
    const page = await type.search(gql, search!, deps.settings);
    // Self and next links: our base and path, the query as sent (never a host from the request).
    const self = new URL(`${base}${req.path}`);
    self.search = new URL(req.originalUrl, 'http://router.invalid').search;
    return send(res, 200, searchsetBundle(page, base, self));
  };

  router.use((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (error instanceof FhirError) {
        for (const [name, value] of Object.entries(error.headers)) res.setHeader(name, value);
        return send(res, error.status, error.toOutcome());
      }
      deps.logger.error({ err: error }, 'FHIR request failed');
      send(res, 500, new FhirError(500, 'exception', 'Internal server error.').toOutcome());
    });
  });
  return router;
}
