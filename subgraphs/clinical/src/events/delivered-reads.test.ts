import { describe, expect, it } from 'vitest';
import type { DeliveredRead } from '@hospital/grpc-contracts';
import { signIdentity, type Caller } from '@hospital/service-kit';
import type { DeliveryAudit } from '@hospital/service-kit/grpc';
import type { SubgraphContext } from '@hospital/subgraph-kit';
import { deliveredRead, recordDelivery, type ClinicalDelivery } from './delivered-reads.ts';

const SECRET = 'test-secret-of-at-least-32-characters!!';
const doctor: Caller = { kind: 'user', role: 'doctor', userId: '6f1d2c9e-0d55-4c41-9a57-1a1e8b1f0a01', email: 'd@x.test' };
const ctxOf = (caller: Caller) =>
  ({ caller, identityToken: signIdentity(caller, SECRET, { ip: '10.0.0.7', userAgent: 'Board/1', operation: 'Results' }), requestId: 'req-sub-1' }) as unknown as SubgraphContext;
const lab: ClinicalDelivery = { rootField: 'labResultEvents', resource: 'LabOrder', patientId: '0b6f6f3a-3f4e-4a43-8d4e-6a2b8a3c9d10' };
const audit = (record: DeliveryAudit['record']): DeliveryAudit => ({ record, calls: 0, close: () => undefined });

describe('the audit of a clinical event delivered to a subscriber', () => {
  it("names the subscriber, the record's kind and patient, the subscription and the origin the router signed", () => {
    expect(deliveredRead(lab, ctxOf(doctor), SECRET)).toEqual({
      userId: doctor.kind === 'user' ? doctor.userId : '',
      userRole: 'doctor',
      rootField: 'labResultEvents',
      operation: 'Results',
      resource: 'LabOrder',
      patientIds: [lab.patientId],
      requestId: 'req-sub-1',
      ip: '10.0.0.7',
      userAgent: 'Board/1',
      appClientId: '',
      appName: '',
    });
  });

  it('lets the event go once the row is written', async () => {
    const recorded: DeliveredRead[] = [];
    await recordDelivery(
      audit(async (reads) => void recorded.push(...reads)),
      lab,
      ctxOf(doctor),
      SECRET,
    );
    expect(recorded).toHaveLength(1);
  });

  it('withholds the event (INTERNAL_SERVER_ERROR) when the row cannot be written, and from a caller the trail cannot name', async () => {
    const down = audit(() => Promise.reject(new Error('identity unavailable')));
    await expect(recordDelivery(down, lab, ctxOf(doctor), SECRET)).rejects.toMatchObject({ extensions: { code: 'INTERNAL_SERVER_ERROR' } });
    const service: Caller = { kind: 'service', service: 'router' };
    await expect(
      recordDelivery(
        audit(async () => undefined),
        lab,
        ctxOf(service),
        SECRET,
      ),
    ).rejects.toMatchObject({ extensions: { code: 'INTERNAL_SERVER_ERROR' } });
  });
});
