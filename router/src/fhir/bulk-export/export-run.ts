/**
 * Produces an export's NDJSON by paging each type's ordinary FHIR search through the caller's
 * GraphQL runner, so the app's scopes, the rate limits and the audit trail apply to every page as
 * to any search. A type the app may not read (403) is left out and reported; a rate-limit answer
 * is waited out; anything else fails the export.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import type { Resource } from '@medplum/fhirtypes';
import type { SearchPage } from '../bundle.ts';
import type { FhirGraphQL } from '../graphql-runner.ts';
import { FhirError, operationOutcome } from '../outcome.ts';
import type { FhirResourceType, FhirSettings } from '../resources/resource-type.ts';
import { MAX_COUNT } from '../search-params.ts';
import type { ExportJob, ExportJobStore } from './export-jobs.ts';

/** Waits on 429/503 per page before the export gives up. */
const RETRIES = 5;

/**
 * One page of a type's search, waiting out rate limits and load shedding.
 * @param gql - the app's runner
 * @param type - the resource type
 * @param cursor - the page cursor
 * @param settings - the facade's settings
 * @param signal - the job's cancellation
 */
export async function exportPage(gql: FhirGraphQL, type: FhirResourceType, cursor: string | undefined, settings: FhirSettings, signal: AbortSignal): Promise<SearchPage> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await type.search(gql, { values: new Map(), count: MAX_COUNT, cursor }, settings);
    } catch (error) {
      const busy = error instanceof FhirError && (error.status === 429 || error.status === 503);
      if (!busy || attempt >= RETRIES) throw error;
      await sleep(Math.min(Number(error.headers['retry-after'] ?? 1), 30) * 1000, undefined, { signal });
    }
  }
}

/**
 * Runs the export to the end (or its cancellation), recording the outcome on the job.
 * @param deps - the store, the app's runner, the types in order and the first page already fetched (the kick-off's check)
 * @param job - the job
 */
export async function runExport(
  deps: { store: ExportJobStore; gql: FhirGraphQL; types: readonly FhirResourceType[]; settings: FhirSettings; first?: { type: string; page: SearchPage } },
  job: ExportJob,
): Promise<void> {
  const { store, gql, settings } = deps;
  const signal = job.cancelled.signal;
  try {
    for (const type of deps.types) {
      let page: SearchPage | undefined = deps.first?.type === type.type ? deps.first.page : undefined;
      try {
        page ??= await exportPage(gql, type, undefined, settings, signal);
        for (;;) {
          page.resources.forEach((resource: Resource) => store.add(job, resource));
          if (page.nextCursor === undefined || signal.aborted) break;
          page = await exportPage(gql, type, page.nextCursor, settings, signal);
        }
      } catch (error) {
        // Not the app's to read: left out and said so, as $everything does.
        if (!(error instanceof FhirError && error.status === 403)) throw error;
        job.errors.push(operationOutcome('error', 'forbidden', `${type.type} left out: ${error.message}`));
      }
      if (signal.aborted) return;
    }
    job.state = 'done';
  } catch (error) {
    if (signal.aborted) return;
    job.state = 'failed';
    job.failure = error instanceof FhirError ? error : new FhirError(500, 'exception', 'Internal server error.');
    if (!(error instanceof FhirError)) throw error;
  }
}
