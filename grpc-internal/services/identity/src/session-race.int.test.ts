/**
 * Logout against a concurrent refresh, on the real PostgreSQL: revoking a session while one of its
 * tokens is being rotated must never leave the successor alive.
 */
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { harnessForFile } from '@hospital/service-kit/testing';
import { testDatabaseUrl } from '../../../../test/helpers.ts';
import { useSharedDatabase } from '../../../../test/shared-database.ts';
import { PrismaSessionRepository } from './repositories/prisma-session-repository.ts';
import { startIdentityHarness } from './testing/identity-harness.ts';

const harness = harnessForFile(() => startIdentityHarness(testDatabaseUrl()));
const shared = useSharedDatabase({ poolSize: 8 });

describe('revokeFamily racing rotate', () => {
  it('leaves no live token in a revoked session, however the two interleave', async () => {
    const sessions = new PrismaSessionRepository(shared.db);
    const user = await harness.createUser();
    const expiresAt = new Date(Date.now() + 3_600_000);
    const families = Array.from({ length: 60 }, () => randomUUID());
    await Promise.all(families.map((familyId) => sessions.create({ userId: user.id, familyId, tokenHash: `first-${familyId}`, expiresAt })));
    await Promise.all(
      families.map((familyId, i) => {
        const rotate = () => sessions.rotate(`first-${familyId}`, { tokenHash: `next-${familyId}`, expiresAt });
        const revoke = () => sessions.revokeFamily(familyId);
        // Alternate which one is sent first, so both orders are tried.
        return i % 2 === 0 ? Promise.all([rotate(), revoke()]) : Promise.all([revoke(), rotate()]);
      }),
    );
    const live = await shared.db.refreshToken.count({ where: { familyId: { in: families }, revokedAt: null, spentAt: null } });
    expect(live).toBe(0);
  });
});
