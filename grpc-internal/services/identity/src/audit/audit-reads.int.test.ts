/**
 * Reads of the audit trail are themselves audited, through the real identity service and database:
 * an admin's ListAccessRecords leaves a row naming the patient whose accesses were shown, a chain
 * check leaves one naming none, and a non-admin's attempt a denied row.
 */
import { randomUUID } from 'node:crypto';
import { status } from '@grpc/grpc-js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAuditClient, type AuditClient } from '@hospital/grpc-contracts';
import { createAuditLog, createPrismaClient, type PrismaClient } from '@hospital/db';
import { expectGrpcError } from '@hospital/service-kit/testing';
import { testDatabaseUrl } from '../../../../../test/helpers.ts';
import { startIdentityHarness, type IdentityHarness } from '../testing/identity-harness.ts';
import { waitForAuditSeal } from '@hospital/db/testing';

let harness: IdentityHarness;
let audit: AuditClient;
let db: PrismaClient;
beforeAll(async () => {
  harness = await startIdentityHarness(testDatabaseUrl());
  audit = createAuditClient({ target: harness.target, deadlineMs: 10_000 });
  db = createPrismaClient(testDatabaseUrl(), { poolSize: 1 });
});
afterAll(async () => {
  audit?.close();
  await db?.$disconnect();
  await harness?.close();
});

describe('reading the audit trail', () => {
  it('leaves rows saying which admin read whose accesses, and who tried without the right', async () => {
    const patientId = randomUUID();
    await createAuditLog(db).record([
      {
        actorKind: 'user',
        actorId: randomUUID(),
        actorRole: 'doctor',
        action: 'PatientsService.GetPatients',
        operation: null,
        resource: 'Patient',
        patientId,
        fields: [],
        outcome: 'allowed',
        reason: null,
        ip: null,
        userAgent: null,
        requestId: randomUUID(),
      },
    ]);
    const adminId = randomUUID();
    const admin = () => harness.as({ kind: 'user', userId: adminId, role: 'admin', email: 'a@test.local' });
    const listed = await audit.listAccessRecords({ patientId, page: { first: 10 } }, { metadata: admin() });
    expect(listed.records).toHaveLength(1);
    await audit.verifyAuditChain({}, { metadata: admin() });
    const doctorId = randomUUID();
    const doctor = harness.as({ kind: 'user', userId: doctorId, role: 'doctor', email: 'd@test.local' });
    await expectGrpcError(audit.listAccessRecords({ patientId, page: { first: 10 } }, { metadata: doctor }), status.PERMISSION_DENIED);

    await waitForAuditSeal(db);
    const rows = await db.accessRecord.findMany({ where: { actorId: { in: [adminId, doctorId] } }, orderBy: { seq: 'asc' } });
    expect(rows.map((row) => ({ action: row.action, resource: row.resource, patientId: row.patientId, outcome: row.outcome, reason: row.reason }))).toEqual([
      { action: 'AuditService.ListAccessRecords', resource: 'AccessRecord', patientId, outcome: 'allowed', reason: null },
      { action: 'AuditService.VerifyAuditChain', resource: 'AccessRecord', patientId: null, outcome: 'allowed', reason: null },
      { action: 'AuditService.ListAccessRecords', resource: 'AccessRecord', patientId, outcome: 'denied', reason: 'FORBIDDEN' },
    ]);
  });
});
