/**
 * What a service runs for the audit trail: the sink its handlers write to (a small pg pool of its
 * own, see `createAuditLog`) and its share of the database's sealer. One call at start, one `stop`
 * on close; the services of one process (a test system) share both.
 */
import pg from 'pg';
import type { AuditSink } from '@hospital/service-kit';
import type { BacklogGateOptions } from './audit-backpressure.ts';
import { createAuditLog } from './audit-log.ts';
import { startAuditSealer, type AuditSealer, type AuditSealerSettings } from './audit-sealer.ts';

/** Connections of the writers' pool, and so INSERTs in flight at once (combined beyond that). */
const WRITER_CONNECTIONS = 4;

/** A service's audit trail. */
export interface AuditTrail {
  /** Where the unary wrapper records accesses (durable on return, sealed shortly after). */
  sink: AuditSink;
  /** The sealer's state (whether this process leads, rows sealed). */
  stats: AuditSealer['stats'];
  /** Stops this share: the last one stops the sealer and closes the writers' pool. Idempotent. */
  stop(): Promise<void>;
}

/** This process's writers by database URL. */
const shared = new Map<string, { pool: pg.Pool; sink: AuditSink; users: number }>();

/**
 * Starts (or joins) this process's audit trail of a database: the writers' sink and the sealer.
 * @param databaseUrl - the service's database URL (its role may append and call the seal)
 * @param settings - the sealer's tuning, the logger and the writers' backlog limit (`maxPending`)
 */
export function startAuditTrail(databaseUrl: string, settings: AuditSealerSettings & Pick<BacklogGateOptions, 'maxPending'> = {}): AuditTrail {
  const sealer = startAuditSealer(databaseUrl, settings);
  let entry = shared.get(databaseUrl);
  if (!entry) {
    const pool = new pg.Pool({ connectionString: databaseUrl, max: WRITER_CONNECTIONS, application_name: 'hospital-audit-writer', connectionTimeoutMillis: 10_000 });
    // An idle connection the server drops is replaced on next use; the failing query reports.
    pool.on('error', () => undefined);
    entry = { pool, sink: createAuditLog(pool, { maxInFlight: WRITER_CONNECTIONS, maxPending: settings.maxPending }), users: 0 };
    shared.set(databaseUrl, entry);
  }
  entry.users += 1;
  const mine = entry;
  let stopped = false;
  return {
    sink: mine.sink,
    stats: sealer.stats,
    async stop() {
      if (stopped) return;
      stopped = true;
      await sealer.stop();
      mine.users -= 1;
      if (mine.users > 0) return;
      shared.delete(databaseUrl);
      await mine.pool.end();
    },
  };
}
