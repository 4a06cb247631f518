/** SessionRepository on Prisma (schema `identity`, table `refresh_tokens`). */
import type { PrismaClient } from '@hospital/db';
import type { NewRefreshToken, RevokedSession, SessionRepository, StoredRefreshToken } from './session-repository.ts';

/** A transaction's client. */
type Tx = Parameters<Parameters<PrismaClient['$transaction']>[0]>[0];

/**
 * Rotation and revocation of one family are serialised by a transaction-scoped advisory lock on
 * the family id: without it, a revoke whose snapshot predates a concurrent rotation's insert
 * revokes the spent token but misses its successor, which then lives on after logout.
 */
async function lockFamily(tx: Tx, familyId: string): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${familyId}, 0))`;
}

/** Refresh tokens stored by Prisma. */
export class PrismaSessionRepository implements SessionRepository {
  /** @param db - the Prisma client (rotation opens its own transaction) */
  constructor(private readonly db: PrismaClient) {}

  async create(token: NewRefreshToken): Promise<void> {
    await this.db.refreshToken.create({ data: token });
  }

  async rotate(tokenHash: string, successor: { tokenHash: string; expiresAt: Date }): Promise<{ userId: string; familyId: string } | undefined> {
    return this.db.$transaction(async (tx) => {
      const [owner] = await tx.$queryRaw<{ family_id: string }[]>`SELECT family_id::text FROM identity.refresh_tokens WHERE token_hash = ${tokenHash}`;
      if (!owner) return undefined;
      // Taken before the token's row lock, in the same order as revokeFamily: no deadlock. The
      // UPDATE below then sees any revocation committed before the lock was granted.
      await lockFamily(tx, owner.family_id);
      // The WHERE clause is re-checked after the row lock is granted, so a second concurrent
      // rotation of the same token finds it spent and updates nothing.
      const rows = await tx.$queryRaw<{ user_id: string; family_id: string }[]>`
        UPDATE identity.refresh_tokens
           SET spent_at = now()
         WHERE token_hash = ${tokenHash}
           AND spent_at IS NULL
           AND revoked_at IS NULL
           AND expires_at > now()
     RETURNING user_id::text, family_id::text`;
      const spent = rows[0];
      if (!spent) return undefined;
      await tx.refreshToken.create({
        data: { userId: spent.user_id, familyId: spent.family_id, tokenHash: successor.tokenHash, expiresAt: successor.expiresAt },
      });
      return { userId: spent.user_id, familyId: spent.family_id };
    });
  }

  async findByHash(tokenHash: string): Promise<StoredRefreshToken | undefined> {
    const token = await this.db.refreshToken.findUnique({ where: { tokenHash } });
    if (!token) return undefined;
    return { userId: token.userId, familyId: token.familyId, spent: token.spentAt !== null, revoked: token.revokedAt !== null };
  }

  async revokeFamily(familyId: string): Promise<boolean> {
    return this.db.$transaction(async (tx) => {
      await lockFamily(tx, familyId);
      const rows = await tx.$queryRaw<{ live: boolean }[]>`
        UPDATE identity.refresh_tokens
           SET revoked_at = now()
         WHERE family_id = ${familyId}::uuid
           AND revoked_at IS NULL
     RETURNING (spent_at IS NULL AND expires_at > now()) AS live`;
      return rows.some((row) => row.live);
    });
  }

  async revokeAllForUser(userId: string): Promise<void> {
    await this.db.refreshToken.updateMany({ where: { userId, revokedAt: null }, data: { revokedAt: new Date() } });
  }

  async listRevokedSessions(since: Date, limit: number): Promise<RevokedSession[]> {
    // One row per family: its tokens are revoked by one UPDATE, so they share revoked_at.
    const rows = await this.db.$queryRaw<{ user_id: string; family_id: string; revoked_at: Date }[]>`
      SELECT user_id::text, family_id::text, max(revoked_at) AS revoked_at
        FROM identity.refresh_tokens
       WHERE revoked_at >= ${since}
    GROUP BY user_id, family_id
    ORDER BY max(revoked_at), family_id
       LIMIT ${limit}`;
    return rows.map((r) => ({ userId: r.user_id, sessionId: r.family_id, revokedAt: r.revoked_at }));
  }
}
