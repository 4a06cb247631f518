/** LoginThrottleRepository on PostgreSQL (schema `identity`, table `login_throttles`). */
import type { PrismaClient } from '@hospital/db';
import { KNOWN_ADDRESS_DAYS, type ThrottleState } from '../domain/login-throttle.ts';
import type { LoginThrottleRepository, ThrottleKeys } from './login-throttle-repository.ts';

/** A pair's failures are forgotten after a day without one (a forgotten typo streak). */
const PAIR_MEMORY = '1 day';

/** Throttling counters, each changed by one INSERT … ON CONFLICT so concurrent attempts lose no count. */
export class PrismaLoginThrottleRepository implements LoginThrottleRepository {
  /** @param db - the Prisma client */
  constructor(private readonly db: PrismaClient) {}

  async begin(keys: ThrottleKeys, windowSeconds: number): Promise<ThrottleState> {
    const address = await this.countInWindow(keys.address, windowSeconds);
    const rows = await this.db.$queryRaw<{ key: string; count: number; window_started_at: Date; blocked_until: Date | null; last_success_at: Date | null }[]>`
      SELECT key, count, window_started_at, blocked_until, last_success_at
        FROM identity.login_throttles
       WHERE key IN (${keys.pair}, ${keys.account})`;
    const pair = rows.find((r) => r.key === keys.pair);
    const knownSince = Date.now() - KNOWN_ADDRESS_DAYS * 86_400_000;
    const account = rows.find((r) => r.key === keys.account);
    const windowEnd = (start: Date) => new Date(start.getTime() + windowSeconds * 1000);
    const accountLive = account && windowEnd(account.window_started_at) > new Date();
    return {
      pairBlockedUntil: pair?.blocked_until ?? null,
      pairKnown: Boolean(pair?.last_success_at && pair.last_success_at.getTime() > knownSince),
      address,
      account: accountLive ? { count: account.count, windowEndsAt: windowEnd(account.window_started_at) } : { count: 0, windowEndsAt: windowEnd(new Date()) },
    };
  }

  async recordFailure(keys: ThrottleKeys, windowSeconds: number, delayFor: (failures: number) => number): Promise<void> {
    const rows = await this.db.$queryRaw<{ count: number }[]>`
      INSERT INTO identity.login_throttles AS t (key, count, updated_at) VALUES (${keys.pair}, 1, now())
      ON CONFLICT (key) DO UPDATE
         SET count = CASE WHEN t.updated_at < now() - ${PAIR_MEMORY}::interval THEN 1 ELSE t.count + 1 END,
             updated_at = now()
   RETURNING count`;
    const delay = delayFor(rows[0]?.count ?? 1);
    if (delay > 0) {
      // GREATEST: a slower concurrent failure must not shorten a delay already set.
      await this.db.$executeRaw`
        UPDATE identity.login_throttles
           SET blocked_until = GREATEST(coalesce(blocked_until, now()), now() + make_interval(secs => ${delay}))
         WHERE key = ${keys.pair}`;
    }
    await this.countInWindow(keys.account, windowSeconds);
  }

  async recordSuccess(keys: ThrottleKeys): Promise<void> {
    await this.db.$executeRaw`
      INSERT INTO identity.login_throttles AS t (key, count, last_success_at, updated_at) VALUES (${keys.pair}, 0, now(), now())
      ON CONFLICT (key) DO UPDATE SET count = 0, blocked_until = NULL, last_success_at = now(), updated_at = now()`;
  }

  async clearAccount(email: string): Promise<number> {
    // starts_with, not LIKE: an email may hold `_` or `%`. Pairs that signed in before keep that
    // memory (they stay trusted past the account budget); only their failures and delay go.
    const deleted = await this.db.$executeRaw`
      DELETE FROM identity.login_throttles
       WHERE key = ${`account:${email}`} OR (starts_with(key, ${`pair:${email} `}) AND last_success_at IS NULL)`;
    const cleared = await this.db.$executeRaw`
      UPDATE identity.login_throttles SET count = 0, blocked_until = NULL, updated_at = now()
       WHERE starts_with(key, ${`pair:${email} `}) AND (count > 0 OR blocked_until IS NOT NULL)`;
    return deleted + cleared;
  }

  async prune(before: Date): Promise<number> {
    // An address an account signed in from stays known for KNOWN_ADDRESS_DAYS, however quiet.
    return this.db.$executeRaw`
      DELETE FROM identity.login_throttles
       WHERE updated_at < ${before}
         AND (last_success_at IS NULL OR last_success_at < now() - make_interval(days => ${KNOWN_ADDRESS_DAYS}))`;
  }

  /** One more in a fixed window that restarts once it has passed; returns the count and the window's end. */
  private async countInWindow(key: string, windowSeconds: number): Promise<{ count: number; windowEndsAt: Date }> {
    const rows = await this.db.$queryRaw<{ count: number; window_started_at: Date }[]>`
      INSERT INTO identity.login_throttles AS t (key, count, window_started_at, updated_at) VALUES (${key}, 1, now(), now())
      ON CONFLICT (key) DO UPDATE
         SET count = CASE WHEN t.window_started_at <= now() - make_interval(secs => ${windowSeconds}) THEN 1 ELSE t.count + 1 END,
             window_started_at = CASE WHEN t.window_started_at <= now() - make_interval(secs => ${windowSeconds}) THEN now() ELSE t.window_started_at END,
             updated_at = now()
   RETURNING count, window_started_at`;
    const row = rows[0] as { count: number; window_started_at: Date };
    return { count: row.count, windowEndsAt: new Date(row.window_started_at.getTime() + windowSeconds * 1000) };
  }
}
