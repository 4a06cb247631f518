import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { AuditEntry } from '@hospital/service-kit';
import { deliveredRead } from '../testing/delivered-read-sample.ts';
import { recordDeliveredReadsHandler } from './record-delivered-reads.handler.ts';

function memorySink() {
  const calls: AuditEntry[][] = [];
  return { calls, record: async (entries: readonly AuditEntry[]) => void calls.push([...entries]) };
}

describe('RecordDeliveredReads', () => {
  it('names the app beside the user for a reader acting through an app', async () => {
    const sink = memorySink();
    const clientId = randomUUID();
    expect(await recordDeliveredReadsHandler({ reads: [deliveredRead({ appClientId: clientId, appName: 'Ward board' }), deliveredRead()] }, sink)).toEqual({ recorded: 2 });
    expect(sink.calls[0]!.map((entry) => entry.app)).toEqual([{ clientId, name: 'Ward board' }, undefined]);
  });

  it('writes one allowed row per reader and patient, in one call', async () => {
    const sink = memorySink();
    const patient = randomUUID().toUpperCase();
    const reads = [deliveredRead({ patientIds: [patient, patient.toLowerCase()] }), deliveredRead({ userRole: 'admin' })];
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
    ['a user id that is not a UUID', deliveredRead({ userId: 'me' })],
    ['an unknown role', deliveredRead({ userRole: 'root' })],
    ['a root field that is not a field name', deliveredRead({ rootField: 'a b' })],
    ['no patient', deliveredRead({ patientIds: [] })],
    ['control characters', deliveredRead({ operation: 'x\u0000' })],
    ['a C1 control character (the router’s printableText turns them into spaces)', deliveredRead({ userAgent: 'agent\u009b31m' })],
  ])('refuses %s and writes nothing', async (_name, bad) => {
    const sink = memorySink();
    await expect(recordDeliveredReadsHandler({ reads: [deliveredRead(), bad] }, sink)).rejects.toMatchObject({ code: 'BAD_USER_INPUT' });
    expect(sink.calls).toEqual([]);
  });
});
