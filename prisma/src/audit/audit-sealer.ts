/**
 * The audit trail's sealer: one per database chains what the writers appended to the pending
 * table. Every service process may run one; they elect a leader with a session advisory lock
 * (`pg_try_advisory_lock`) on a connection of their own, so exactly one seals while the others
 * stand by and take over within a second of its process or connection going away. The leader
 * calls `audit.seal_batch` (migration 20261206175000_audit_async_sealer) again at once while
 * batches come back full, else after a short interval, so the lag stays bounded by the interval
 * plus one batch. A seal is one transaction: killed midway, it leaves every row pending for the
 * next one, none lost, none chained twice.
 */
import pg from 'pg';
import { wakeableSleep, type Logger } from '@hospital/service-kit';

/** The election lock (per database; not the chain's own lock, which each seal takes briefly). */
export const AUDIT_SEALER_LOCK = 7301202612061750n;

/** The leader's idle interval between seals (ms): default, lowest and highest accepted. */
export const AUDIT_SEAL_INTERVAL_MS = { default: 20, min: 1, max: 1_000 } as const;

/** Tuning of {@link startAuditSealer}; the defaults suit every service. */
export interface AuditSealerSettings {
  /** Pause after a seal that found less than a full batch (ms, default 20). Bounds the lag. */
  intervalMs?: number;
  /** Rows per seal (default 5,000; the database clamps to 1…50,000). */
  batchRows?: number;
  /** How often a standby tries to become the leader (ms, default 1,000). */
  standbyRetryMs?: number;
  /** Where to say who leads and what failed (silent without one). */
  logger?: Logger;
}

/** A running sealer. */
export interface AuditSealer {
  /** Ends the loop, closes its connection (releasing the lead) and waits for both. Idempotent. */
  stop(): Promise<void>;
  /** Whether this sealer leads now, and what it has sealed so far. */
  stats(): { leading: boolean; sealedRows: number; seals: number };
}

/** Sealers of this process by database URL: the services of one process share one. */
const shared = new Map<string, { sealer: AuditSealer; users: number }>();

/**
 * Starts (or joins) this process's sealer of a database. Each caller gets a handle whose `stop`
 * ends its share; the loop stops with the last one.
 * @param databaseUrl - the database, as any role that may call `audit.seal_batch` (the services' own)
 * @param settings - interval, batch size, standby retry and logger
 */
export function startAuditSealer(databaseUrl: string, settings: AuditSealerSettings = {}): AuditSealer {
  const entry = shared.get(databaseUrl) ?? { sealer: runAuditSealer(databaseUrl, settings), users: 0 };
  shared.set(databaseUrl, entry);
  entry.users += 1;
  let stopped = false;
  return {
    stats: () => entry.sealer.stats(),
    async stop() {
      if (stopped) return;
      stopped = true;
      entry.users -= 1;
      if (entry.users > 0) return;
      shared.delete(databaseUrl);
      await entry.sealer.stop();
    },
  };
}

/**
 * One sealer loop with its own connection, not shared (tests race two of them).
 * @param databaseUrl - the database
 * @param settings - see {@link AuditSealerSettings}
 */
export function runAuditSealer(databaseUrl: string, settings: AuditSealerSettings = {}): AuditSealer {
  const intervalMs = Math.min(AUDIT_SEAL_INTERVAL_MS.max, Math.max(AUDIT_SEAL_INTERVAL_MS.min, settings.intervalMs ?? AUDIT_SEAL_INTERVAL_MS.default));
  const batchRows = settings.batchRows ?? 5_000;
  const standbyRetryMs = settings.standbyRetryMs ?? 1_000;
  const logger = settings.logger?.child({ source: 'AuditSealer' });
  const state = { stopped: false, leading: false, sealedRows: 0, seals: 0, client: undefined as pg.Client | undefined };
  const { sleep, wake } = wakeableSleep();

  const lead = async (client: pg.Client) => {
    while (!state.stopped) {
      const { rows } = await client.query<{ leader: boolean }>('SELECT pg_try_advisory_lock($1) AS leader', [AUDIT_SEALER_LOCK.toString()]);
      if (!rows[0]?.leader) {
        await sleep(standbyRetryMs);
        continue;
      }
      state.leading = true;
      logger?.info('audit sealer leads for this database');
      while (!state.stopped) {
        const sealed = await client.query<{ taken: string }>('SELECT "audit"."seal_batch"($1) AS taken', [batchRows]);
        const taken = Number(sealed.rows[0]?.taken ?? 0);
        state.sealedRows += taken;
        state.seals += 1;
        if (taken < batchRows) await sleep(intervalMs);
      }
    }
  };

  const loop = (async () => {
    let backoffMs = 100;
    while (!state.stopped) {
      const client = new pg.Client({ connectionString: databaseUrl, application_name: 'hospital-audit-sealer', connectionTimeoutMillis: 10_000 });
      // A terminated backend is reported here as well as by the failing query, which reconnects.
      // The lock went with the backend, so the lead ends now (a standby may already hold it), not
      // at that next query, up to an interval later.
      const lost = () => {
        if (state.client === client) state.leading = false;
      };
      client.on('error', lost);
      client.on('end', lost);
      state.client = client;
      try {
        await client.connect();
        await lead(client);
      } catch (error) {
        if (state.stopped) break;
        logger?.warn({ err: error, leading: state.leading }, 'audit sealer lost its connection or seal; retrying');
        state.leading = false;
        await sleep(backoffMs);
        backoffMs = Math.min(backoffMs * 2, 5_000);
        continue;
      } finally {
        state.leading = false;
        await client.end().catch(() => undefined);
      }
      backoffMs = 100;
    }
  })();

  return {
    stats: () => ({ leading: state.leading, sealedRows: state.sealedRows, seals: state.seals }),
    async stop() {
      state.stopped = true;
      wake();
      // A seal in flight finishes (or, past two seconds, is cut off and rolled back whole).
      const cutOff = setTimeout(() => void state.client?.end().catch(() => undefined), 2_000);
      await loop;
      clearTimeout(cutOff);
    },
  };
}
