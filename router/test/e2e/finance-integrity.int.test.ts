/**
 * Finance integrity end to end (issue 10): money is the 64-bit `MinorUnits` scalar, so two large
 * invoices no longer overflow a patient's balance or null the list, and out-of-range amounts are
 * BAD_USER_INPUT; an invoice's appointment or admission is checked with the department owning it.
 */
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { appointmentFixtures } from './appointment-fixtures.ts';
import type { GraphQLResponse, TestSystem } from '@hospital/test-support/system';
import { dataOf, wardFixtures } from './ward-fixtures.ts';
import { systemForFile } from '../support/system-database.ts';

let system: TestSystem;
let finance: string;
const appointments = appointmentFixtures(() => system);
const wards = wardFixtures(() => system);

systemForFile((running) => (system = running));
beforeAll(async () => {
  finance = await system.tokenFor('finance');
}, 120_000);

const CREATE = 'mutation($i: CreateInvoiceInput!) { createInvoice(input: $i) { id appointmentId admissionId } }';
const ADD = 'mutation($id: ID!, $l: AddInvoiceLineInput!) { addInvoiceLine(invoiceId: $id, input: $l) { id total { amountMinor } } }';
const line = (amountMinor: unknown) => ({ code: 'SURG-MAJOR', description: 'Major surgery', quantity: 1, unitPrice: { amountMinor, currency: 'EUR' } });
const extensionsOf = (result: GraphQLResponse<unknown>) => result.errors?.[0]?.extensions;

/** An ISSUED EUR invoice of one line for `patientId`. */
async function issued(patientId: string, amountMinor: string): Promise<string> {
  const { createInvoice } = dataOf(await system.gql<{ createInvoice: { id: string } }>(CREATE, { i: { patientId, currency: 'EUR' } }, finance));
  dataOf(await system.gql(ADD, { id: createInvoice.id, l: line(amountMinor) }, finance));
  dataOf(await system.gql('mutation($id: ID!) { issueInvoice(id: $id) { id } }', { id: createInvoice.id }, finance));
  return createInvoice.id;
}

describe('money beyond a 32-bit Int', () => {
  it('returns a balance over 2^31 minor units exactly, and the lists are not nulled', async () => {
    const patientId = await appointments.patient();
    await issued(patientId, '2000000000');
    await issued(patientId, '2000000001');
    type Bill = { patient: { balance: { amountMinor: string; currency: string }[]; invoices: { total: { amountMinor: string } }[] } };
    const bill = await system.gql<Bill>('query($p: ID!) { patient(id: $p) { balance { amountMinor currency } invoices { total { amountMinor } } } }', { p: patientId }, finance);
    expect(bill.errors).toBeUndefined();
    expect(bill.data?.patient.balance).toEqual([{ amountMinor: '4000000001', currency: 'EUR' }]);
    expect(bill.data?.patient.invoices.map((invoice) => invoice.total.amountMinor).sort()).toEqual(['2000000000', '2000000001']);
    const list = await system.gql<{ invoices: { edges: { node: { balance: { amountMinor: string } } }[] } }>(
      'query($p: ID!) { invoices(patientId: $p) { edges { node { balance { amountMinor } } } } }',
      { p: patientId },
      finance,
    );
    expect(list.errors).toBeUndefined();
    expect(list.data?.invoices.edges).toHaveLength(2);
  });

  it('keeps a single amount beyond 2^53 exact up to the largest invoice total (10^15 - 1)', async () => {
    const { createInvoice } = dataOf(await system.gql<{ createInvoice: { id: string } }>(CREATE, { i: { patientId: await appointments.patient(), currency: 'EUR' } }, finance));
    const added = dataOf(await system.gql<{ addInvoiceLine: { total: { amountMinor: string } } }>(ADD, { id: createInvoice.id, l: line('999999999999999') }, finance));
    expect(added.addInvoiceLine.total.amountMinor).toBe('999999999999999');
  });

  it.each([
    ['above the largest invoice total', '1000000000000000'],
    ['beyond int64', '9223372036854775808'],
    ['a fraction', '12.50'],
    ['a float', 12.5],
    ['an unsafe JSON number', 2 ** 60],
    ['text', 'twelve'],
  ])('refuses an amount %s with BAD_USER_INPUT', async (_what, amountMinor) => {
    const { createInvoice } = dataOf(await system.gql<{ createInvoice: { id: string } }>(CREATE, { i: { patientId: await appointments.patient(), currency: 'EUR' } }, finance));
    const result = await system.gql(ADD, { id: createInvoice.id, l: line(amountMinor) }, finance);
    expect(extensionsOf(result)?.['code'], JSON.stringify(result.errors)).toBe('BAD_USER_INPUT');
  });
});

describe('createInvoice checks what it bills with the owning department', () => {
  it("accepts the patient's own appointment and admission", async () => {
    const patientId = await appointments.patient();
    const appointment = await appointments.book(patientId, appointments.slot(900));
    const ward = await wards.ward(['1']);
    const admission = await wards.admit(patientId, ward.beds[0]!);
    const byAppointment = dataOf(
      await system.gql<{ createInvoice: { appointmentId: string } }>(CREATE, { i: { patientId, currency: 'EUR', appointmentId: appointment.id } }, finance),
    );
    expect(byAppointment.createInvoice.appointmentId).toBe(appointment.id);
    const byAdmission = dataOf(await system.gql<{ createInvoice: { admissionId: string } }>(CREATE, { i: { patientId, currency: 'EUR', admissionId: admission.id } }, finance));
    expect(byAdmission.createInvoice.admissionId).toBe(admission.id);
  });

  it("refuses another patient's appointment or admission, a bed id and unknown ids, naming the field", async () => {
    const [patientId, otherId] = [await appointments.patient(), await appointments.patient()];
    const othersAppointment = await appointments.book(otherId, appointments.slot(960));
    const ward = await wards.ward(['1']);
    const othersAdmission = await wards.admit(otherId, ward.beds[0]!);
    const cases: [Record<string, string>, string][] = [
      [{ appointmentId: othersAppointment.id }, 'appointmentId'],
      [{ appointmentId: randomUUID() }, 'appointmentId'],
      [{ admissionId: othersAdmission.id }, 'admissionId'],
      [{ admissionId: ward.beds[0]! }, 'admissionId'],
      [{ admissionId: randomUUID() }, 'admissionId'],
    ];
    for (const [reference, field] of cases) {
      const result = await system.gql(CREATE, { i: { patientId, currency: 'EUR', ...reference } }, finance);
      expect(extensionsOf(result), JSON.stringify(reference)).toMatchObject({ code: 'BAD_USER_INPUT', field });
    }
  });
});
