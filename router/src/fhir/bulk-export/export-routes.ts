/**
 * The Bulk Data endpoints of the facade: `GET Patient/$export` (kick-off, `Prefer: respond-async`),
 * `GET|DELETE $export-status/{id}` (202 with X-Progress while running, then the manifest; DELETE
 * cancels and forgets) and `GET $export-file/{id}/{Type}.ndjson`. Only system apps (client
 * credentials) export, and each sees only its own exports: another app's id is a 404.
 */
import type { Request, Response } from 'express';
import type { Caller, Logger } from '@hospital/service-kit';
import type { FhirGraphQL } from '../graphql-runner.ts';
import { FhirError, operationOutcome } from '../outcome.ts';
import type { FhirResourceType, FhirSettings } from '../resources/resource-type.ts';
import type { ExportJob, ExportJobStore } from './export-jobs.ts';
import { exportPage, runExport } from './export-run.ts';

/** The canonical of the operation, for the CapabilityStatement. */
export const PATIENT_EXPORT_DEFINITION = 'http://hl7.org/fhir/uv/bulkdata/OperationDefinition/patient-export';
const STATUS = '$export-status';
const FILE = '$export-file';
const NDJSON_FORMATS = new Set(['application/fhir+ndjson', 'application/ndjson', 'ndjson']);

/** What the endpoints need. */
export interface BulkExportDeps {
  store: ExportJobStore;
  /** The exported types, Patient first (its first page is the kick-off's access check). */
  types: readonly FhirResourceType[];
  settings: FhirSettings;
  logger: Logger;
}

/** Sends a JSON body of the given media type. */
function sendJson(res: Response, status: number, type: string, body: unknown): void {
  res.status(status).type(`${type}; charset=utf-8`).send(JSON.stringify(body));
}

function appOf(caller: Caller): string {
  if (caller.kind !== 'app') throw new FhirError(403, 'forbidden', 'Bulk export is for system apps (client credentials with system/ scopes), not for users.');
  return caller.clientId;
}

/** The types `_type` asks for (all by default); unknown ones are a 400. */
function typesOf(req: Request, all: readonly FhirResourceType[]): FhirResourceType[] {
  const unknown = Object.keys(req.query).find((name) => !['_type', '_outputFormat'].includes(name));
  if (unknown !== undefined) throw new FhirError(400, 'not-supported', `Export parameter "${unknown}" is not supported (only _type and _outputFormat).`);
  const format = req.query['_outputFormat'];
  if (format !== undefined && !(typeof format === 'string' && NDJSON_FORMATS.has(format))) throw new FhirError(400, 'not-supported', 'Exports are NDJSON only.');
  const asked = req.query['_type'];
  if (asked === undefined) return [...all];
  if (typeof asked !== 'string' || asked === '') throw new FhirError(400, 'invalid', '"_type" is a comma-separated list of resource types, given once.');
  const names = asked.split(',').map((name) => name.trim());
  const missing = names.find((name) => !all.some((type) => type.type === name));
  if (missing !== undefined) throw new FhirError(400, 'not-supported', `"${missing}" cannot be exported; exported types: ${all.map((t) => t.type).join(', ')}.`);
  return all.filter((type) => names.includes(type.type));
}

function manifestOf(job: ExportJob, base: string): unknown {
  const fileUrl = (type: string) => `${base}/${FILE}/${job.id}/${type}.ndjson`;
  return {
    transactionTime: job.transactionTime,
    request: job.request,
    requiresAccessToken: true,
    output: [...job.files].map(([type, lines]) => ({ type, url: fileUrl(type), count: lines.length })),
    error: job.errors.length > 0 ? [{ type: 'OperationOutcome', url: fileUrl('OperationOutcome') }] : [],
  };
}

/**
 * The handler of the Bulk Data paths; resolves false for any other path.
 * @param deps - the job store, the exported types and settings
 */
export function bulkExportHandler(deps: BulkExportDeps) {
  const { store } = deps;
  return async (req: Request, res: Response, segments: readonly string[], base: string, admit: () => Promise<FhirGraphQL>): Promise<boolean> => {
    const kickOff = segments.length === 2 && segments[0] === 'Patient' && segments[1] === '$export';
    const status = segments.length === 2 && segments[0] === STATUS;
    const file = segments.length === 3 && segments[0] === FILE;
    if (!kickOff && !status && !file) return false;
    if (req.method !== 'GET' && !(status && req.method === 'DELETE'))
      throw new FhirError(405, 'not-supported', 'Use GET (or DELETE on a status URL).', { allow: status ? 'GET, DELETE' : 'GET' });
    const gql = await admit();
    const owner = appOf(gql.caller);
    if (kickOff) {
      if (!/\brespond-async\b/.test(req.get('prefer') ?? '')) throw new FhirError(400, 'invalid', 'Bulk export is asynchronous: send "Prefer: respond-async".');
      const types = typesOf(req, deps.types);
      const job = store.start(owner, `${base}/Patient/$export${new URL(req.originalUrl, 'http://router.invalid').search}`);
      try {
        // The first page now: an app that may not read the first type hears 403 here, not later.
        const first = types[0] ? { type: types[0].type, page: await exportPage(gql, types[0], undefined, deps.settings, job.cancelled.signal) } : undefined;
        void runExport({ store, gql, types, settings: deps.settings, first }, job).catch((error: unknown) => deps.logger.error({ err: error, exportId: job.id }, 'export failed'));
      } catch (error) {
        store.delete(job.id, owner);
        throw error;
      }
      res.setHeader('content-location', `${base}/${STATUS}/${job.id}`);
      sendJson(res, 202, 'application/fhir+json', operationOutcome('information', 'informational', `Export ${job.id} started; poll the Content-Location.`));
      return true;
    }
    const job = store.get(segments[1]!, owner);
    if (status && req.method === 'DELETE') {
      store.delete(job.id, owner);
      sendJson(res, 202, 'application/fhir+json', operationOutcome('information', 'informational', `Export ${job.id} cancelled and deleted.`));
      return true;
    }
    if (status) {
      if (job.state === 'failed') throw job.failure!;
      if (job.state === 'running') {
        const count = [...job.files.values()].reduce((sum, lines) => sum + lines.length, 0);
        res.setHeader('x-progress', `${count} resources exported so far`);
        res.setHeader('retry-after', '2');
        sendJson(res, 202, 'application/fhir+json', operationOutcome('information', 'informational', 'In progress.'));
        return true;
      }
      sendJson(res, 200, 'application/json', manifestOf(job, base));
      return true;
    }
    const type = /^([A-Za-z]+)\.ndjson$/.exec(segments[2]!)?.[1];
    const lines = type === 'OperationOutcome' ? job.errors.map((outcome) => JSON.stringify(outcome)) : type ? job.files.get(type) : undefined;
    if (job.state !== 'done' || !lines || lines.length === 0) throw new FhirError(404, 'not-found', `No file ${segments[2]!} in export ${job.id}.`);
    res
      .status(200)
      .type('application/fhir+ndjson')
      .send(`${lines.join('\n')}\n`);
    return true;
  };
}

/** The handler {@link bulkExportHandler} builds. */
export type BulkExportHandler = ReturnType<typeof bulkExportHandler>;
