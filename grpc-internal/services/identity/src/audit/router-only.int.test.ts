/**
 * The router's own reports to the audit trail (refused operations, reads delivered to subscribers)
 * through the real identity service: only a caller signed as the router may write them (delivered
 * reads: the clinical subgraph too); another department's service identity, signed with the same
 * internal secret, is refused PERMISSION_DENIED.
 */
import { randomUUID } from 'node:crypto';
import { status } from '@grpc/grpc-js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAuditClient, type AuditClient } from '@hospital/grpc-contracts';
import type { Caller } from '@hospital/service-kit';
import { expectGrpcError } from '@hospital/service-kit/testing';
import { deliveredRead } from '../testing/delivered-read-sample.ts';
import { testDatabaseUrl } from '../../../../../test/helpers.ts';
import { startIdentityHarness, type IdentityHarness } from '../testing/identity-harness.ts';

let harness: IdentityHarness;
let audit: AuditClient;
beforeAll(async () => {
  harness = await startIdentityHarness(testDatabaseUrl());
  audit = createAuditClient({ target: harness.target, deadlineMs: 10_000 });
});
afterAll(async () => {
  audit?.close();
  await harness?.close();
});

/** As the router signs its calls (service kit delivery-audit.ts, router/src/refusal-audit.ts). */
const router: Caller = { kind: 'service', service: 'router' };

const deliveredReads = () => ({ reads: [deliveredRead({ userRole: 'doctor' })] });
const refusal = () => ({
  userId: randomUUID(),
  userRole: 'doctor',
  operationType: 'query',
  operation: 'Peek',
  fields: ['patient'],
  patientIds: [randomUUID()],
  reason: 'FORBIDDEN',
  ip: '127.0.0.1',
  userAgent: '',
  requestId: randomUUID(),
});

describe("the router's audit reports", () => {
  it('accept the router', async () => {
    expect(await audit.recordDeliveredReads(deliveredReads(), { metadata: harness.as(router) })).toEqual({ recorded: 1 });
    expect((await audit.recordRefusedOperation(refusal(), { metadata: harness.as(router) })).recorded).toBeGreaterThan(0);
  });

  it.each(['finance', 'appointments', 'patients-subgraph'])('refuse the %s service identity PERMISSION_DENIED', async (service) => {
    const other = harness.as({ kind: 'service', service });
    await expectGrpcError(audit.recordDeliveredReads(deliveredReads(), { metadata: other }), status.PERMISSION_DENIED);
    await expectGrpcError(audit.recordRefusedOperation(refusal(), { metadata: other }), status.PERMISSION_DENIED);
  });

  it('accept delivered reads, and only those, from the clinical subgraph (the values inside its events)', async () => {
    const clinical = harness.as({ kind: 'service', service: 'clinical-subgraph' });
    expect(await audit.recordDeliveredReads(deliveredReads(), { metadata: clinical })).toEqual({ recorded: 1 });
    await expectGrpcError(audit.recordRefusedOperation(refusal(), { metadata: clinical }), status.PERMISSION_DENIED);
  });

  it('refuse users, whatever their role', async () => {
    const admin = harness.as({ kind: 'user', userId: randomUUID(), role: 'admin', email: 'a@test.local' });
    await expectGrpcError(audit.recordDeliveredReads(deliveredReads(), { metadata: admin }), status.PERMISSION_DENIED);
  });
});
