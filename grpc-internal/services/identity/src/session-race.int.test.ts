/**
 * Logout against a concurrent refresh, on the real PostgreSQL: revoking a session while one of its
 * tokens is being rotated must never leave the successor alive.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPrismaClient, type PrismaClient } from '@hospital/db';
import { testDatabaseUrl } from '../../../../test/helpers.ts';
import { PrismaSessionRepository } from './repositories/prisma-session-repository.ts';
import { startIdentityHarness, type IdentityHarness } from './testing/identity-harness.ts';

let harness: IdentityHarness;
let db: PrismaClient;

beforeAll(async () => {
  harness = await startIdentityHarness(testDatabaseUrl());
  db = createPrismaClient(testDatabaseUrl(), { poolSize: 8 });
});
afterAll(async () => {
  await harness?.close();
  await db?.$disconnect();
});

describe('revokeFamily racing rotate', () => {
  it('leaves no live token in a revoked session, however the two interleave', async () => {
    const sessions = new PrismaSessionRepository(db);
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
    const live = await db.refreshToken.count({ where: { familyId: { in: families }, revokedAt: null, spentAt: null } });
    expect(live).toBe(0);
  });
});
