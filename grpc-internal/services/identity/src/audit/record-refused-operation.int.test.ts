/**
 * Refusals the router reports, stored in the real audit table: anonymous and bad-token ones leave
 * one row with an anonymous actor and no patient, within the per-address cap; users' as before.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RecordRefusedOperationRequest__Output } from '@hospital/grpc-contracts';
import { createAuditLog, createPrismaClient, type PrismaClient } from '@hospital/db';
import { testDatabaseUrl } from '../../../../../test/helpers.ts';
import { createAnonymousRefusalCap } from './anonymous-refusal-cap.ts';
import { recordRefusedOperationHandler } from './audit-handlers.ts';
import { waitForAuditSeal } from '@hospital/db/testing';

let db: PrismaClient;
beforeAll(() => {
  db = createPrismaClient(testDatabaseUrl(), { poolSize: 2 });
});
afterAll(() => db?.$disconnect());

const anonymous = (overrides: Partial<RecordRefusedOperationRequest__Output> = {}): RecordRefusedOperationRequest__Output => ({
  userId: '',
  userRole: '',
  operationType: '',
  operation: '',
  fields: [],
  patientIds: [randomUUID(), randomUUID()],
  reason: 'UNAUTHENTICATED',
  ip: `198.51.100.${Math.floor(Math.random() * 250)}`,
  userAgent: 'curl/8.0',
  requestId: randomUUID(),
  appClientId: '',
  appName: '',
  ...overrides,
});

describe('RecordRefusedOperation', () => {
  it('stores an app as the app, and a user acting through an app as the user with the app, outside the anonymous cap', async () => {
    const clientId = randomUUID();
    const userId = randomUUID();
    const cap = createAnonymousRefusalCap({ perAddress: 0, total: 0, overflowTotal: 0 });
    const asApp = anonymous({ appClientId: clientId, appName: 'Refused App', reason: 'FORBIDDEN', patientIds: [] });
    const throughApp = anonymous({ userId, userRole: 'doctor', appClientId: clientId, appName: 'Refused App', reason: 'FORBIDDEN', patientIds: [] });
    expect(await recordRefusedOperationHandler(asApp, createAuditLog(db), cap)).toEqual({ recorded: 1 });
    expect(await recordRefusedOperationHandler(throughApp, createAuditLog(db), cap)).toEqual({ recorded: 1 });
    await waitForAuditSeal(db);
    expect(await db.accessRecord.findMany({ where: { requestId: asApp.requestId } })).toEqual([
      expect.objectContaining({ actorKind: 'app', actorId: clientId, actorRole: null, appId: clientId, appName: 'Refused App', outcome: 'denied' }),
    ]);
    expect(await db.accessRecord.findMany({ where: { requestId: throughApp.requestId } })).toEqual([
      expect.objectContaining({ actorKind: 'user', actorId: userId, actorRole: 'doctor', appId: clientId, appName: 'Refused App', outcome: 'denied' }),
    ]);
  });

  it('stores an anonymous or bad-token refusal as one anonymous row naming no patient', async () => {
    const refusal = anonymous({ operationType: 'query', operation: 'Peek' });
    const answer = await recordRefusedOperationHandler(refusal, createAuditLog(db), createAnonymousRefusalCap());
    expect(answer).toEqual({ recorded: 1 });
    await waitForAuditSeal(db);
    const rows = await db.accessRecord.findMany({ where: { requestId: refusal.requestId } });
    expect(rows).toEqual([
      expect.objectContaining({
        actorKind: 'anonymous',
        actorId: null,
        actorRole: null,
        action: 'Router.query',
        operation: 'Peek',
        patientId: null,
        outcome: 'denied',
        reason: 'UNAUTHENTICATED',
        ip: refusal.ip,
        userAgent: 'curl/8.0',
      }),
    ]);
  });

  it('writes at most the cap per address; other addresses still get theirs', async () => {
    const cap = createAnonymousRefusalCap({ perAddress: 3, total: 100, overflowTotal: 100 });
    const sink = createAuditLog(db);
    const flood = await Promise.all(Array.from({ length: 10 }, () => recordRefusedOperationHandler(anonymous({ ip: '192.0.2.66' }), sink, cap)));
    // 3 rows, then the address's one overflow row of the minute.
    expect(flood.reduce((sum, answer) => sum + (answer.recorded ?? 0), 0)).toBe(4);
    expect(await recordRefusedOperationHandler(anonymous({ ip: '192.0.2.67' }), sink, cap)).toEqual({ recorded: 1 });
    await waitForAuditSeal(db);
    expect(await db.accessRecord.count({ where: { ip: '192.0.2.66', actorKind: 'anonymous', reason: 'UNAUTHENTICATED' } })).toBe(3);
    expect(await db.accessRecord.count({ where: { ip: '192.0.2.66', actorKind: 'anonymous', reason: 'REFUSALS_OVER_CAP' } })).toBe(1);
    // An IPv6 client roaming its /64 is one address.
    const roaming = await Promise.all(Array.from({ length: 6 }, (_, i) => recordRefusedOperationHandler(anonymous({ ip: `2001:db8:7:1::${i + 1}` }), sink, cap)));
    expect(roaming.reduce((sum, answer) => sum + (answer.recorded ?? 0), 0)).toBe(4);
  });

  it('still leaves one row per flooding address once the total is spent', async () => {
    const cap = createAnonymousRefusalCap({ perAddress: 2, total: 2, overflowTotal: 100 });
    const sink = createAuditLog(db);
    for (const ip of ['192.0.2.80', '192.0.2.80', '192.0.2.80', '192.0.2.81', '192.0.2.81']) await recordRefusedOperationHandler(anonymous({ ip }), sink, cap);
    await waitForAuditSeal(db);
    expect(await db.accessRecord.findMany({ where: { ip: { in: ['192.0.2.80', '192.0.2.81'] } }, select: { ip: true, reason: true }, orderBy: { seq: 'asc' } })).toEqual([
      { ip: '192.0.2.80', reason: 'UNAUTHENTICATED' },
      { ip: '192.0.2.80', reason: 'UNAUTHENTICATED' },
      { ip: '192.0.2.80', reason: 'REFUSALS_OVER_CAP' },
      { ip: '192.0.2.81', reason: 'REFUSALS_OVER_CAP' },
    ]);
  });

  it('still records a signed-in user per patient named, uncapped, and refuses a half identity', async () => {
    const cap = createAnonymousRefusalCap({ perAddress: 0, total: 0, overflowTotal: 0 });
    const userId = randomUUID();
    const refusal = anonymous({ userId, userRole: 'finance', operationType: 'query', fields: ['Patient.allergies'], reason: 'FORBIDDEN' });
    expect(await recordRefusedOperationHandler(refusal, createAuditLog(db), cap)).toEqual({ recorded: 2 });
    await expect(recordRefusedOperationHandler(anonymous({ userId }), createAuditLog(db), cap)).rejects.toMatchObject({ code: 'BAD_USER_INPUT' });
    await expect(recordRefusedOperationHandler(anonymous({ reason: 'drop table' }), createAuditLog(db), cap)).rejects.toMatchObject({ code: 'BAD_USER_INPUT' });
  });
});
