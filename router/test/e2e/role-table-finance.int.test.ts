/** The finance rows of the role table, walked through the router: billing is ADMIN and FINANCE only. */
import { randomUUID } from 'node:crypto';
import { beforeAll, expect } from 'vitest';
import { describeRoleTable, type RoleRow } from './role-table.ts';
import type { TestSystem } from '@hospital/test-support/system';
import { systemForFile } from '../support/system-database.ts';

let system: TestSystem;
let patientId: string;
let draftId: string;
let issuedId: string;
let paymentId: string;
/** Fresh drafts for the rows that use one up (issue, void): one per caller is plenty. */
const toIssue: string[] = [];
const toVoid: string[] = [];

const BILLING: RoleRow['allowed'] = ['admin', 'finance'];
const eur = (amountMinor: number) => ({ amountMinor, currency: 'EUR' });

const ROWS: RoleRow[] = [
  { name: 'query invoices', allowed: BILLING, query: '{ invoices(first: 5) { totalCount edges { node { id status } } } }' },
  { name: 'query invoice', allowed: BILLING, query: 'query($id: ID!) { invoice(id: $id) { id number balance { amountMinor } } }', variables: () => ({ id: issuedId }) },
  { name: 'read Patient.invoices', allowed: BILLING, query: 'query($id: ID!) { patient(id: $id) { id invoices { id status } } }', variables: () => ({ id: patientId }) },
  { name: 'read Patient.balance', allowed: BILLING, query: 'query($id: ID!) { patient(id: $id) { id balance { amountMinor currency } } }', variables: () => ({ id: patientId }) },
  {
    name: 'mutation createInvoice',
    allowed: BILLING,
    query: 'mutation($i: CreateInvoiceInput!) { createInvoice(input: $i) { id status } }',
    variables: () => ({ i: { patientId, currency: 'EUR' } }),
  },
  {
    name: 'mutation addInvoiceLine',
    allowed: BILLING,
    query: 'mutation($id: ID!, $l: AddInvoiceLineInput!) { addInvoiceLine(invoiceId: $id, input: $l) { id total { amountMinor } } }',
    variables: () => ({ id: draftId, l: { code: 'LAB-CBC', description: 'Full blood count', quantity: 1, unitPrice: eur(1_800) } }),
  },
  { name: 'mutation issueInvoice', allowed: BILLING, query: 'mutation($id: ID!) { issueInvoice(id: $id) { id number } }', variables: () => ({ id: toIssue.pop() }) },
  {
    name: 'mutation recordPayment',
    allowed: BILLING,
    query: 'mutation($i: RecordPaymentInput!) { recordPayment(input: $i) { id invoice { balance { amountMinor } } } }',
    variables: () => ({ i: { invoiceId: issuedId, amount: eur(1), method: 'CASH', idempotencyKey: randomUUID() } }),
  },
  {
    name: 'mutation refundPayment',
    allowed: BILLING,
    query: 'mutation($p: ID!, $a: MoneyInput!) { refundPayment(paymentId: $p, amount: $a, reason: "Role table") { id refunded { amountMinor } } }',
    variables: () => ({ p: paymentId, a: eur(1) }),
  },
  {
    name: 'mutation voidInvoice',
    allowed: BILLING,
    query: 'mutation($id: ID!) { voidInvoice(id: $id, reason: "Role table") { id status } }',
    variables: () => ({ id: toVoid.pop() }),
  },
];

systemForFile((running) => (system = running));
beforeAll(async () => {
  const [admin, finance] = await Promise.all([system.tokenFor('admin'), system.tokenFor('finance')]);
  const gql = async <T>(query: string, variables: Record<string, unknown>) => {
    const result = await system.gql<T>(query, variables, finance);
    expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
    return result.data!;
  };
  const registered = await system.gql<{ registerPatient: { id: string } }>(
    'mutation($i: RegisterPatientInput!) { registerPatient(input: $i) { id } }',
    { i: { givenName: 'Rita', familyName: 'Roletable', dateOfBirth: '1968-09-10', sex: 'FEMALE' } },
    admin,
  );
  patientId = registered.data!.registerPatient.id;
  const newDraft = async (withLine: boolean) => {
    const { createInvoice } = await gql<{ createInvoice: { id: string } }>('mutation($i: CreateInvoiceInput!) { createInvoice(input: $i) { id } }', {
      i: { patientId, currency: 'EUR' },
    });
    if (withLine) {
      const line = { code: 'CONS-GP', description: 'GP consultation', quantity: 1, unitPrice: eur(6_000) };
      await gql('mutation($id: ID!, $l: AddInvoiceLineInput!) { addInvoiceLine(invoiceId: $id, input: $l) { id } }', { id: createInvoice.id, l: line });
    }
    return createInvoice.id;
  };
  draftId = await newDraft(false);
  for (let i = 0; i < 6; i++) toIssue.push(await newDraft(true));
  for (let i = 0; i < 6; i++) toVoid.push(await newDraft(false));
  issuedId = (await gql<{ issueInvoice: { id: string } }>('mutation($id: ID!) { issueInvoice(id: $id) { id } }', { id: await newDraft(true) })).issueInvoice.id;
  const payment = await gql<{ recordPayment: { id: string } }>('mutation($i: RecordPaymentInput!) { recordPayment(input: $i) { id } }', {
    i: { invoiceId: issuedId, amount: eur(1_000), method: 'CARD', idempotencyKey: randomUUID() },
  });
  paymentId = payment.recordPayment.id;
});

describeRoleTable(() => system, ROWS);
