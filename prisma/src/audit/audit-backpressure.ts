/**
 * Backpressure on the audit trail's writers. Writers append without waiting for the sealer, so
 * when they outrun it the pending table — rows durable but outside the hash chain — would grow
 * without bound. Past a limit of pending rows a write is refused with SERVICE_UNAVAILABLE and a
 * retry delay (the caller's read fails as 503 with `Retry-After`; no data leaves unaudited), until
 * the sealer has brought the backlog back under the limit.
 *
 * The backlog is probed at most every `probeMs` (single flight), never in the write's path while
 * under the limit: the id range of the pending table (two probes of its primary key), confirmed by
 * a count bounded by the limit when the range says over (ids skipped by de-duplicated rows leave
 * gaps, so the range alone can overstate it).
 */
import { gauge, counter, serviceBusy } from '@hospital/service-kit';

/** Pending rows past which writes are refused: default, lowest and highest accepted. */
export const AUDIT_PENDING_LIMIT = { default: 50_000, min: 100, max: 10_000_000 } as const;
/** How stale the backlog a write is judged by may be (ms). */
const DEFAULT_PROBE_MS = 250;
/** Retry delay told to refused callers (s): a seal of a full batch takes well under that. */
const RETRY_AFTER_SECONDS = 1;

/** Runs one query and returns its rows (a pg pool's or Prisma's raw query). */
export type BacklogQuery = (sql: string, params: unknown[]) => Promise<Array<Record<string, unknown>>>;

/** Options of {@link createBacklogGate}. */
export interface BacklogGateOptions {
  /** Pending rows past which writes are refused (default 50,000; 0 turns the gate off). */
  maxPending?: number;
  /** Longest age of the backlog figure a write is judged by (ms, default 250). */
  probeMs?: number;
}

/** Refuses writes while the pending backlog is past its limit. */
export interface BacklogGate {
  /** Resolves when a write may go ahead; throws SERVICE_UNAVAILABLE (retry later) otherwise. */
  admit(): Promise<void>;
}

const RANGE_SQL = 'SELECT coalesce(max("id") - min("id") + 1, 0)::int8 AS "n" FROM "audit"."access_log_pending"';
const BOUNDED_COUNT_SQL = 'SELECT count(*)::int8 AS "n" FROM (SELECT 1 FROM "audit"."access_log_pending" LIMIT $1) AS "p"';

const pendingGauge = () => gauge('audit_pending_rows', 'Audit rows appended and not yet chained by the sealer, as this process last probed them (capped at its limit + 1).');
const refusals = () =>
  counter('audit_backpressure_refusals_total', 'Audit writes refused because the pending backlog was past its limit (the call answered UNAVAILABLE with a retry delay).');

/**
 * The gate of one process's writers.
 * @param query - reads the pending table (any role that may append may read it)
 * @param options - the limit and the probe interval
 */
export function createBacklogGate(query: BacklogQuery, options: BacklogGateOptions = {}): BacklogGate {
  const limit = options.maxPending ?? AUDIT_PENDING_LIMIT.default;
  const probeMs = options.probeMs ?? DEFAULT_PROBE_MS;
  let pending = 0;
  let measuredAt = -Infinity;
  let probing: Promise<void> | undefined;

  const measure = async () => {
    const [range] = await query(RANGE_SQL, []);
    let n = Number(range?.['n'] ?? 0);
    if (n > limit) n = Number((await query(BOUNDED_COUNT_SQL, [limit + 1]))[0]?.['n'] ?? 0);
    pending = n;
    measuredAt = performance.now();
    pendingGauge().set(n);
  };
  const probe = () => {
    probing ??= measure()
      .catch(() => undefined) // the write's own INSERT reports a database that cannot be reached
      .finally(() => (probing = undefined));
    return probing;
  };

  return {
    async admit() {
      if (limit <= 0) return;
      if (performance.now() - measuredAt > probeMs) {
        // Under the limit a write does not wait for the probe; over it, it is judged by a fresh one.
        const fresh = probe();
        if (pending > limit) await fresh;
      }
      if (pending > limit) {
        refusals().inc();
        throw serviceBusy('The audit trail is catching up; try again in a moment.', RETRY_AFTER_SECONDS);
      }
    },
  };
}
