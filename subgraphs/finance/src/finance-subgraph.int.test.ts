/**
 * The finance subgraph over HTTP, as the router calls it, against the real finance and patients
 * gRPC services and the run's database. The finance client is the real one, wrapped to count calls.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFinanceClient, createPatientsClient } from '@hospital/grpc-contracts';
import { startFinanceService } from '@hospital/finance-service';
import { startPatientsService } from '@hospital/patients-service';
import { signIdentity } from '@hospital/service-kit';
import { callMetadata } from '@hospital/service-kit/grpc';
import { countCalls, subgraphTestBed, userCaller } from '@hospital/subgraph-kit/testing';
import { testDatabaseUrl } from '../../../test/helpers.ts';
import { startFinanceSubgraph } from './index.ts';
import { TEST_CALL_DEADLINE_MS } from '@hospital/service-kit/testing';

const bed = subgraphTestBed('finance-subgraph-test');
const { host: HOST, internalSecret, logger, gql } = bed;
const finance = userCaller('finance');

let counter: ReturnType<typeof countCalls<ReturnType<typeof createFinanceClient>>>;
let registerPatient: () => Promise<string>;

beforeAll(async () => {
  const patientsService = bed.closeAfter(await startPatientsService({ port: 0, host: HOST, databaseUrl: testDatabaseUrl(), internalSecret }, { logger }));
  const patientsTarget = `${HOST}:${patientsService.port}`;
  const service = await startFinanceService(
    { port: 0, host: HOST, databaseUrl: testDatabaseUrl(), internalSecret, patientsTarget, appointmentsTarget: '127.0.0.1:9', wardTarget: '127.0.0.1:9' },
    { logger },
  );
  bed.closeAfter(service);
  const client = bed.closeAfter(createFinanceClient({ target: `${HOST}:${service.port}`, deadlineMs: TEST_CALL_DEADLINE_MS }));
  const patients = bed.closeAfter(createPatientsClient({ target: patientsTarget, deadlineMs: TEST_CALL_DEADLINE_MS }));
  counter = countCalls(client);
  bed.serve(await startFinanceSubgraph({ port: 0, host: HOST, financeTarget: `${HOST}:${service.port}`, internalSecret, production: true }, { logger, client: counter.client }));
  registerPatient = async () => {
    const metadata = callMetadata(signIdentity(userCaller('doctor'), internalSecret), randomUUID());
    return (await patients.registerPatient({ givenName: 'Ada', familyName: `Billing${randomUUID().slice(0, 6)}`, dateOfBirth: '1980-02-02' }, { metadata })).id;
  };
});

afterAll(() => bed.close());

const INVOICE =
  'id number status currency patient { id } lines { code quantity unitPrice { amountMinor currency } lineTotal { amountMinor } tax { amountMinor } taxRateBasisPoints } subtotal { amountMinor } tax { amountMinor } total { amountMinor currency } balance { amountMinor } appointmentId issuedAt voidReason';
type Invoice = { id: string; number: string | null; status: string; balance: { amountMinor: string }; total: { amountMinor: string; currency: string } };

/** An issued EUR invoice for a new patient: one line of `cents` at 10 % tax. */
async function issuedInvoice(cents: number): Promise<{ patientId: string; invoice: Invoice }> {
  const patientId = await registerPatient();
  const created = await gql<{ createInvoice: Invoice }>(finance, `mutation($i: CreateInvoiceInput!) { createInvoice(input: $i) { ${INVOICE} } }`, {
    i: { patientId, currency: 'EUR' },
  });
  expect(created.errors).toBeUndefined();
  const id = created.data!.createInvoice.id;
  const line = { code: 'CONS-GP', description: 'GP consultation', quantity: 1, unitPrice: { amountMinor: cents, currency: 'EUR' }, taxRateBasisPoints: 1_000 };
  const added = await gql(finance, `mutation($id: ID!, $l: AddInvoiceLineInput!) { addInvoiceLine(invoiceId: $id, input: $l) { id } }`, { id, l: line });
  expect(added.errors).toBeUndefined();
  const issued = await gql<{ issueInvoice: Invoice }>(finance, `mutation($id: ID!) { issueInvoice(id: $id) { ${INVOICE} } }`, { id });
  expect(issued.errors).toBeUndefined();
  return { patientId, invoice: issued.data!.issueInvoice };
}

describe('finance subgraph', () => {
  it('refuses requests without a valid router identity with 401', async () => {
    const result = await gql(undefined, '{ invoices { totalCount } }');
    expect([result.status, result.errors?.[0]?.extensions?.['code']]).toEqual([401, 'UNAUTHENTICATED']);
  });

  it('maps proto to GraphQL: null number while DRAFT, Int money, enums', async () => {
    const patientId = await registerPatient();
    const draft = await gql<{ createInvoice: Record<string, unknown> }>(finance, `mutation($i: CreateInvoiceInput!) { createInvoice(input: $i) { ${INVOICE} } }`, {
      i: { patientId, currency: 'EUR' },
    });
    expect(draft.data?.createInvoice).toMatchObject({
      number: null,
      status: 'DRAFT',
      patient: { id: patientId },
      lines: [],
      total: { amountMinor: '0', currency: 'EUR' },
      appointmentId: null,
      issuedAt: null,
    });
    const { invoice } = await issuedInvoice(12_345);
    expect(invoice).toMatchObject({ status: 'ISSUED', total: { amountMinor: '13580', currency: 'EUR' }, balance: { amountMinor: '13580' } });
    expect(invoice.number).toMatch(/^INV-\d{4}-\d{6}$/);
  });

  it('records a payment and reads its invoice without another call; a retry returns the same payment', async () => {
    const { invoice } = await issuedInvoice(10_000);
    const PAY = `mutation($i: RecordPaymentInput!) { recordPayment(input: $i) { id method amount { amountMinor } refunds { id } invoice { status balance { amountMinor } payments { id } } } }`;
    const input = { invoiceId: invoice.id, amount: { amountMinor: 4_000, currency: 'EUR' }, method: 'BANK_TRANSFER', idempotencyKey: `sg-${randomUUID()}` };
    counter.reset();
    const first = await gql<{ recordPayment: { id: string } }>(finance, PAY, { i: input });
    expect(first.errors).toBeUndefined();
    expect(first.data?.recordPayment).toMatchObject({
      method: 'BANK_TRANSFER',
      amount: { amountMinor: '4000' },
      refunds: [],
      invoice: { status: 'PARTIALLY_PAID', balance: { amountMinor: '7000' } },
    });
    expect([...counter.calls.entries()]).toEqual([['recordPayment', 1]]);
    const retry = await gql<{ recordPayment: { id: string } }>(finance, PAY, { i: input });
    expect(retry.data?.recordPayment.id).toBe(first.data?.recordPayment.id);
    const over = await gql(finance, PAY, { i: { ...input, amount: { amountMinor: 7_001, currency: 'EUR' }, idempotencyKey: randomUUID() } });
    expect(over.errors?.[0]?.extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'amount' });
    const refund = await gql<{ refundPayment: Record<string, unknown> }>(
      finance,
      `mutation($p: ID!) { refundPayment(paymentId: $p, amount: { amountMinor: 1000, currency: "EUR" }, reason: "Goodwill") { refunded { amountMinor } refunds { amount { amountMinor } reason at } invoice { balance { amountMinor } } } }`,
      { p: first.data?.recordPayment.id },
    );
    expect(refund.data?.refundPayment).toMatchObject({
      refunded: { amountMinor: '1000' },
      refunds: [{ amount: { amountMinor: '1000' }, reason: 'Goodwill' }],
      invoice: { balance: { amountMinor: '8000' } },
    });
  });

  it('resolves N patients’ invoices and balances with ONE call each', async () => {
    const [a, b, c] = await Promise.all([issuedInvoice(1_000), issuedInvoice(2_000), issuedInvoice(3_000)]);
    const r = [a, b, c].map((x) => ({ __typename: 'Patient', id: x.patientId }));
    counter.reset();
    const result = await gql<{ _entities: { invoices: { id: string }[]; balance: { amountMinor: string; currency: string }[] }[] }>(
      finance,
      'query($r: [_Any!]!) { _entities(representations: $r) { ... on Patient { invoices(first: 5) { id } balance { amountMinor currency } } } }',
      { r },
    );
    expect(result.errors).toBeUndefined();
    expect(result.data?._entities.map((p) => [p.invoices.map((i) => i.id), p.balance])).toEqual([
      [[a.invoice.id], [{ amountMinor: '1100', currency: 'EUR' }]],
      [[b.invoice.id], [{ amountMinor: '2200', currency: 'EUR' }]],
      [[c.invoice.id], [{ amountMinor: '3300', currency: 'EUR' }]],
    ]);
    expect(Object.fromEntries(counter.calls)).toEqual({ getPatientInvoices: 1, getPatientBalances: 1 });
  });

  it('resolves N invoice references with ONE GetInvoices call, unknown ones as null', async () => {
    const [a, b] = await Promise.all([issuedInvoice(500), issuedInvoice(600)]);
    counter.reset();
    const result = await gql<{ _entities: ({ id: string } | null)[] }>(finance, 'query($r: [_Any!]!) { _entities(representations: $r) { ... on Invoice { id } } }', {
      r: [a.invoice.id, randomUUID(), b.invoice.id].map((id) => ({ __typename: 'Invoice', id })),
    });
    expect(result.data?._entities.map((e) => e?.id ?? null)).toEqual([a.invoice.id, null, b.invoice.id]);
    expect(Object.fromEntries(counter.calls)).toEqual({ getInvoices: 1 });
  });

  it('keeps billing from clinical roles, before any gRPC call', async () => {
    const { patientId } = await issuedInvoice(100);
    counter.reset();
    const doctor = userCaller('doctor');
    const list = await gql(doctor, '{ invoices { totalCount } }');
    expect(list.errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');
    const balance = await gql(doctor, 'query($r: [_Any!]!) { _entities(representations: $r) { ... on Patient { balance { amountMinor } } } }', {
      r: [{ __typename: 'Patient', id: patientId }],
    });
    expect(balance.errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');
    expect(counter.calls.size).toBe(0);
  });

  it('pages invoices by patient and rejects a bad page size', async () => {
    const { patientId, invoice } = await issuedInvoice(700);
    const page = await gql<{ invoices: { totalCount: number; edges: { node: { id: string } }[] } }>(
      finance,
      'query($p: ID) { invoices(patientId: $p, status: ISSUED, first: 5) { totalCount edges { cursor node { id } } pageInfo { hasNextPage endCursor } } }',
      { p: patientId },
    );
    expect(page.data?.invoices).toMatchObject({ totalCount: 1, edges: [{ node: { id: invoice.id } }] });
    const bad = await gql(finance, '{ invoices(first: -1) { totalCount } }');
    expect(bad.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'first' });
  });
});
