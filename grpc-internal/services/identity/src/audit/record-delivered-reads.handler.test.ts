import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { AuditEntry } from '@hospital/service-kit';
import { recordDeliveredReadsHandler } from './record-delivered-reads.handler.ts';

const read = (overrides: Record<string, unknown> = {}) => ({
  userId: randomUUID(),
  userRole: 'ward_staff',
  rootField: 'appointmentEvents',
  operation: 'LiveSchedule',
  resource: 'Patient',
  patientIds: [randomUUID()],
  requestId: randomUUID(),
  ip: '127.0.0.1',
  userAgent: '',
  appClientId: '',
  appName: '',
  ...overrides,
});

function memorySink() {
  const calls: AuditEntry[][] = [];
  return { calls, record: async (entries: readonly AuditEntry[]) => void calls.push([...entries]) };
}

describe('RecordDeliveredReads', () => {
  it('names the app beside the user for a reader acting through an app', async () => {
    const sink = memorySink();
    const clientId = randomUUID();
    expect(await recordDeliveredReadsHandler({ reads: [read({ appClientId: clientId, appName: 'Ward board' }), read()] }, sink)).toEqual({ recorded: 2 });
    expect(sink.calls[0]!.map((entry) => entry.app)).toEqual([{ clientId, name: 'Ward board' }, undefined]);
  });

  it('writes one allowed row per reader and patient, in one call', async () => {
    const sink = memorySink();
    const patient = randomUUID().toUpperCase();
    const reads = [read({ patientIds: [patient, patient.toLowerCase()] }), read({ userRole: 'admin' })];
    expect(await recordDeliveredReadsHandler({ reads }, sink)).toEqual({ recorded: 2 });
    expect(sink.calls).toHaveLength(1);
    expect(sink.calls[0]![0]).toMatchObject({
      actorKind: 'user',
      actorId: reads[0]!.userId,
      actorRole: 'ward_staff',
      action: 'Subscription.appointmentEvents',
      resource: 'Patient',
      patientId: patient.toLowerCase(),
      outcome: 'allowed',
      userAgent: null,
    });
  });

  it.each([
    ['a user id that is not a UUID', read({ userId: 'me' })],
    ['an unknown role', read({ userRole: 'root' })],
    ['a root field that is not a field name', read({ rootField: 'a b' })],
    ['no patient', read({ patientIds: [] })],
    ['control characters', read({ operation: 'x\u0000' })],
    ['a C1 control character (the router’s printableText turns them into spaces)', read({ userAgent: 'agent\u009b31m' })],
  ])('refuses %s and writes nothing', async (_name, bad) => {
    const sink = memorySink();
    await expect(recordDeliveredReadsHandler({ reads: [read(), bad] }, sink)).rejects.toMatchObject({ code: 'BAD_USER_INPUT' });
    expect(sink.calls).toEqual([]);
  });
});
