/**
 * Finance end to end through the router with real JWTs: the invoice life cycle, payments and
 * refunds, the patient's bill across subgraphs, typed errors, and the database guarantees under
 * truly parallel requests (gapless numbers, no overpayment, one payment per idempotency key).
 */
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import type { PrismaClient } from '@hospital/db';
import type { TestSystem } from '@hospital/test-support/system';
import { systemWithDatabase } from '../support/system-database.ts';

let system: TestSystem;
let db: PrismaClient;
let finance: string;

const INVOICE = 'id number status total { amountMinor currency } balance { amountMinor currency } lines { code lineTotal { amountMinor } tax { amountMinor } }';
const CREATE = `mutation($i: CreateInvoiceInput!) { createInvoice(input: $i) { ${INVOICE} } }`;
const ADD = `mutation($id: ID!, $l: AddInvoiceLineInput!) { addInvoiceLine(invoiceId: $id, input: $l) { ${INVOICE} } }`;
const ISSUE = `mutation($id: ID!) { issueInvoice(id: $id) { ${INVOICE} } }`;
const PAY = 'mutation($i: RecordPaymentInput!) { recordPayment(input: $i) { id amount { amountMinor } invoice { status balance { amountMinor } } } }';
// Amounts travel as MinorUnits: decimal strings, in and out.
const eur = (amountMinor: number) => ({ amountMinor: String(amountMinor), currency: 'EUR' });

interface Invoice {
  id: string;
  number: string | null;
  status: string;
  total: { amountMinor: string; currency: string };
  balance: { amountMinor: string; currency: string };
}

/** Runs an operation as finance and insists it succeeds. */
async function ok<T>(query: string, variables: Record<string, unknown>): Promise<T> {
  const result = await system.gql<T>(query, variables, finance);
  expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
  return result.data!;
}

async function registerPatient(): Promise<string> {
  const doctor = await system.tokenFor('doctor');
  const input = { givenName: 'Fin', familyName: `Ance${randomUUID().slice(0, 8)}`, dateOfBirth: '1975-06-07' };
  const result = await system.gql<{ registerPatient: { id: string } }>('mutation($i: RegisterPatientInput!) { registerPatient(input: $i) { id } }', { i: input }, doctor);
  return result.data!.registerPatient.id;
}

/** A DRAFT for a new patient with lines of the given prices (EUR cents, 20 % tax on the first). */
async function draft(prices: number[], patientId?: string): Promise<Invoice> {
  let invoice = (await ok<{ createInvoice: Invoice }>(CREATE, { i: { patientId: patientId ?? (await registerPatient()), currency: 'EUR' } })).createInvoice;
  for (const [i, price] of prices.entries()) {
    const line = { code: `SVC-${i}`, description: 'Service', quantity: 1, unitPrice: eur(price), taxRateBasisPoints: i === 0 ? 2_000 : 0 };
    invoice = (await ok<{ addInvoiceLine: Invoice }>(ADD, { id: invoice.id, l: line })).addInvoiceLine;
  }
  return invoice;
}

const issue = async (prices: number[], patientId?: string) => (await ok<{ issueInvoice: Invoice }>(ISSUE, { id: (await draft(prices, patientId)).id })).issueInvoice;
const pay = (invoiceId: string, amountMinor: number, idempotencyKey: string = randomUUID()) =>
  system.gql<{ recordPayment: { id: string; invoice: { status: string; balance: { amountMinor: string } } } }>(
    PAY,
    { i: { invoiceId, amount: eur(amountMinor), method: 'CARD', idempotencyKey } },
    finance,
  );

systemWithDatabase((running) => ({ system, db } = running), 2);
beforeAll(async () => {
  finance = await system.tokenFor('finance');
});

describe('invoice life cycle', () => {
  it('drafts, issues with a number, is paid in parts and shows on the patient across subgraphs', async () => {
    const patientId = await registerPatient();
    const drafted = await draft([10_000, 2_550], patientId);
    expect(drafted).toMatchObject({ number: null, status: 'DRAFT', total: eur(14_550), balance: eur(14_550) });
    const issued = (await ok<{ issueInvoice: Invoice }>(ISSUE, { id: drafted.id })).issueInvoice;
    expect(issued.number).toMatch(/^INV-\d{4}-\d{6}$/);
    const part = await pay(issued.id, 4_550);
    expect(part.data?.recordPayment.invoice).toEqual({ status: 'PARTIALLY_PAID', balance: { amountMinor: '10000' } });
    const bill = await ok<{ patient: Record<string, unknown> }>(
      'query($id: ID!) { patient(id: $id) { fullName invoices { number status patient { mrn } } balance { amountMinor currency } } }',
      { id: patientId },
    );
    expect(bill.patient).toMatchObject({
      invoices: [{ number: issued.number, status: 'PARTIALLY_PAID', patient: { mrn: expect.stringMatching(/^MRN-/) } }],
      balance: [eur(10_000)],
    });
    const paid = await pay(issued.id, 10_000);
    expect(paid.data?.recordPayment.invoice).toEqual({ status: 'PAID', balance: { amountMinor: '0' } });
    const after = await ok<{ invoice: { status: string; patient: { fullName: string }; payments: unknown[] } }>(
      'query($id: ID!) { invoice(id: $id) { status patient { fullName } payments { method amount { amountMinor } } } }',
      { id: issued.id },
    );
    expect(after.invoice).toMatchObject({ status: 'PAID', patient: { fullName: bill.patient['fullName'] }, payments: [{ method: 'CARD' }, { method: 'CARD' }] });
  });

  it('answers with typed errors', async () => {
    const invoice = await issue([1_000]);
    const over = await pay(invoice.id, 1_201);
    expect(over.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'amount' });
    const key = randomUUID();
    await pay(invoice.id, 100, key);
    expect((await pay(invoice.id, 200, key)).errors?.[0]?.extensions?.['code']).toBe('CONFLICT');
    const addToIssued = await system.gql(ADD, { id: invoice.id, l: { code: 'X', description: 'Late', quantity: 1, unitPrice: eur(1) } }, finance);
    expect(addToIssued.errors?.[0]?.extensions?.['code']).toBe('BAD_USER_INPUT');
    const mismatch = await system.gql(PAY, { i: { invoiceId: invoice.id, amount: { amountMinor: 1, currency: 'USD' }, method: 'CASH', idempotencyKey: randomUUID() } }, finance);
    expect(mismatch.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'amount' });
    const ghost = await system.gql(CREATE, { i: { patientId: randomUUID(), currency: 'EUR' } }, finance);
    expect(ghost.errors?.[0]?.extensions?.['code']).toBe('NOT_FOUND');
    const notVoidable = await system.gql('mutation($id: ID!) { voidInvoice(id: $id, reason: "Mistake") { id } }', { id: invoice.id }, finance);
    expect(notVoidable.errors?.[0]?.extensions?.['code']).toBe('BAD_USER_INPUT');
  });
});

describe('under parallel requests', () => {
  it('issues 20 invoices at once with distinct numbers, the year staying gapless', async () => {
    const drafts = await Promise.all(Array.from({ length: 20 }, () => draft([500])));
    const issued = await Promise.all(drafts.map((d) => ok<{ issueInvoice: Invoice }>(ISSUE, { id: d.id })));
    const numbers = issued.map((r) => r.issueInvoice.number!);
    expect(new Set(numbers).size).toBe(20);
    const year = Number(numbers[0]!.split('-')[1]);
    // Counter and numbers in one statement (one snapshot): exactly 1..counter, whoever else issued.
    const [row] = await db.$queryRaw<{ last: number; numbers: number[] }[]>`
      SELECT (SELECT last_number FROM finance.invoice_number_counters WHERE year = ${year}) AS last,
             (SELECT array_agg(number_seq ORDER BY number_seq) FROM finance.invoices WHERE number_year = ${year}) AS numbers`;
    expect(row!.numbers.map(Number)).toEqual(Array.from({ length: Number(row!.last) }, (_, i) => i + 1));
  });

  it('never overpays when payments race past the balance', async () => {
    const invoice = await issue([10_000]); // 120.00 with tax
    const results = await Promise.all(Array.from({ length: 10 }, () => pay(invoice.id, 5_000)));
    expect(results.filter((r) => !r.errors)).toHaveLength(2);
    expect(results.filter((r) => r.errors?.[0]?.extensions?.['code'] === 'BAD_USER_INPUT')).toHaveLength(8);
    const stored = await db.invoice.findUniqueOrThrow({ where: { id: invoice.id } });
    expect([stored.paidMinor, stored.balanceMinor, stored.status]).toEqual([10_000n, 2_000n, 'partially_paid']);
  });

  it('applies one idempotency key sent 10 times in parallel exactly once', async () => {
    const invoice = await issue([10_000]);
    const key = `e2e-${randomUUID()}`;
    const results = await Promise.all(Array.from({ length: 10 }, () => pay(invoice.id, 3_000, key)));
    expect(results.map((r) => r.errors)).toEqual(Array(10).fill(undefined));
    expect(new Set(results.map((r) => r.data?.recordPayment.id)).size).toBe(1);
    expect(await db.payment.count({ where: { idempotencyKey: key } })).toBe(1);
    expect((await db.invoice.findUniqueOrThrow({ where: { id: invoice.id } })).balanceMinor).toBe(9_000n);
  });
});
