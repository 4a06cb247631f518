/**
 * CreateInvoice checks the appointment or admission it bills with the department that owns it
 * (issue 10): it must exist and be the invoice's patient's. Real appointments and ward services.
 */
import { randomUUID } from 'node:crypto';
import { status } from '@grpc/grpc-js';
import { describe, expect, it } from 'vitest';
import { testDatabaseUrl } from '../../../../test/helpers.ts';
import { expectGrpcError, harnessForFile } from '@hospital/service-kit/testing';
import { startFinanceHarness } from './testing/finance-harness.ts';

const h = harnessForFile(() => startFinanceHarness(testDatabaseUrl()));

/** An admission of `patientId` on a new ward, recorded by an admin; returns it and its bed. */
async function admission(patientId: string) {
  const admin = { metadata: h.as('admin') };
  const ward = await h.ward.createWard({ name: `Billing ${randomUUID().slice(0, 8)}`, code: `BL${randomUUID().slice(0, 8).toUpperCase()}` }, admin);
  const bed = await h.ward.addBed({ wardId: ward.id, label: 'B1' }, admin);
  return { admission: await h.ward.admitPatient({ patientId, bedId: bed.id, reason: 'Observation' }, admin), bed };
}

describe('CreateInvoice with a billed reference', () => {
  it('accepts an admission of the invoice patient', async () => {
    const patientId = await h.patient();
    const { admission: stay } = await admission(patientId);
    const invoice = await h.client.createInvoice({ patientId, currency: 'EUR', admissionId: stay.id }, { metadata: h.as('finance') });
    expect(invoice).toMatchObject({ patientId, admissionId: stay.id, appointmentId: '' });
  });

  it("refuses another patient's admission, a bed id and an unknown id alike (BAD_USER_INPUT, admissionId), storing nothing", async () => {
    const [patientId, otherId] = [await h.patient(), await h.patient()];
    const { admission: othersStay, bed } = await admission(otherId);
    for (const admissionId of [othersStay.id, bed.id, randomUUID()]) {
      const refused = await expectGrpcError(h.client.createInvoice({ patientId, currency: 'EUR', admissionId }, { metadata: h.as('finance') }), status.INVALID_ARGUMENT, {
        field: 'admissionId',
      });
      expect(refused.details).toBe("No admission of this invoice's patient has this id.");
    }
    expect(await h.db.invoice.count({ where: { patientId } })).toBe(0);
  });

  it('refuses an appointment id the appointments service does not know (BAD_USER_INPUT, appointmentId)', async () => {
    const patientId = await h.patient();
    await expectGrpcError(h.client.createInvoice({ patientId, currency: 'EUR', appointmentId: randomUUID() }, { metadata: h.as('finance') }), status.INVALID_ARGUMENT, {
      field: 'appointmentId',
    });
  });
});
