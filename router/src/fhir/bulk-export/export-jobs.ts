/**
 * Bulk export jobs (FHIR Bulk Data `$export`), held in this router's memory: each belongs to the
 * app that started it, and an app holds at most a few at once (running or waiting to be
 * downloaded) until it deletes them or they expire, so one app cannot fill the router.
 */
import { randomUUID } from 'node:crypto';
import type { OperationOutcome, Resource } from '@medplum/fhirtypes';
import { FhirError } from '../outcome.ts';

/** One export: its owner, progress, and the NDJSON lines per resource type. */
export interface ExportJob {
  id: string;
  /** The client id of the app that started it: no one else sees it. */
  owner: string;
  /** The kick-off URL, echoed in the manifest. */
  request: string;
  transactionTime: string;
  state: 'running' | 'done' | 'failed';
  /** NDJSON lines per resource type, in the order the types were exported. */
  files: Map<string, string[]>;
  /** Types left out (refused to the app), as OperationOutcomes for the manifest's `error` file. */
  errors: OperationOutcome[];
  /** Why a failed export failed. */
  failure?: FhirError;
  /** Aborted by DELETE or expiry: the run stops at its next page. */
  cancelled: AbortController;
  expiresAt: number;
}

/** Limits of the store. */
export interface ExportLimits {
  /** Exports one app may hold at once (running or not yet deleted); the next kick-off is a 429. */
  perApp: number;
  /** How long a finished export stays downloadable. */
  keepMs: number;
  /** Resources one export may hold; past it the export fails (too costly). */
  maxResources: number;
}

/** The in-memory job store. */
export class ExportJobStore {
  private readonly jobs = new Map<string, ExportJob>();

  /** @param limits - per-app count, keep time and size cap */
  constructor(readonly limits: ExportLimits) {}

  /**
   * Starts a job for the app, or refuses with 429 when it holds its limit.
   * @param owner - the app's client id
   * @param request - the kick-off URL
   * @param now - the current time (ms)
   */
  start(owner: string, request: string, now = Date.now()): ExportJob {
    this.sweep(now);
    const held = [...this.jobs.values()].filter((job) => job.owner === owner).length;
    if (held >= this.limits.perApp)
      throw new FhirError(429, 'throttled', `This app holds ${held} export(s), the most allowed: download and DELETE one, or wait for it to finish.`, { 'retry-after': '30' });
    const job: ExportJob = {
      id: randomUUID(),
      owner,
      request,
      transactionTime: new Date(now).toISOString(),
      state: 'running',
      files: new Map(),
      errors: [],
      cancelled: new AbortController(),
      expiresAt: now + this.limits.keepMs,
    };
    this.jobs.set(job.id, job);
    return job;
  }

  /**
   * The app's job by id; 404 for an unknown id and for another app's job alike.
   * @param id - the job id
   * @param owner - the asking app's client id
   */
  get(id: string, owner: string): ExportJob {
    this.sweep(Date.now());
    const job = this.jobs.get(id);
    if (!job || job.owner !== owner) throw new FhirError(404, 'not-found', `No export ${id} of this app.`);
    return job;
  }

  /**
   * Cancels (when running) and forgets the app's job.
   * @param id - the job id
   * @param owner - the asking app's client id
   */
  delete(id: string, owner: string): void {
    const job = this.get(id, owner);
    job.cancelled.abort();
    this.jobs.delete(id);
  }

  /**
   * Adds one resource to a job's file, within the size cap.
   * @param job - the job
   * @param resource - the resource
   */
  add(job: ExportJob, resource: Resource): void {
    const held = [...job.files.values()].reduce((sum, lines) => sum + lines.length, 0);
    if (held >= this.limits.maxResources) throw new FhirError(413, 'too-costly', `An export holds at most ${this.limits.maxResources} resources; narrow it with _type.`);
    const lines = job.files.get(resource.resourceType) ?? [];
    lines.push(JSON.stringify(resource));
    job.files.set(resource.resourceType, lines);
  }

  /** Forgets expired jobs (a running one past its time is cancelled). */
  private sweep(now: number): void {
    for (const [id, job] of this.jobs)
      if (job.expiresAt <= now) {
        job.cancelled.abort();
        this.jobs.delete(id);
      }
  }
}
