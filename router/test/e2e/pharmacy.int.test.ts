/**
 * Pharmacy end to end through the router with real JWTs: the catalogue, stock in lots, the
 * ledger, allergy-checked prescribing, first-expiry-first-out dispensing, truly parallel
 * dispensers racing for the last units, and prescriptions across subgraphs.
 */
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { inDays, pharmacyFixtures, uniqueSuffix } from './pharmacy-fixtures.ts';
import type { TestSystem } from '@hospital/test-support/system';
import { systemForFile } from '../support/system-database.ts';
import { dataOf } from './ward-fixtures.ts';

let system: TestSystem;
const seed = pharmacyFixtures(() => system);
let pharmacist: string;
let doctor: string;
/** A second pharmacist account, so the race below is two people, not one person twice. */
let colleague: string;

const DRUG = 'query($id: ID!) { drug(id: $id) { id stockOnHand lots { id lotNumber quantity expired } } }';
const DISPENSE = 'mutation($id: ID!) { dispensePrescription(id: $id) { id status dispensedBy { id } dispensations { lotId lotNumber quantity } } }';
const codeOf = (result: { errors?: Array<{ extensions?: Record<string, unknown> }> }) => result.errors?.[0]?.extensions?.['code'];

async function stockOf(drugId: string): Promise<number> {
  return dataOf(await system.gql<{ drug: { stockOnHand: number } }>(DRUG, { id: drugId }, pharmacist)).drug.stockOnHand;
}

systemForFile((running) => (system = running));
beforeAll(async () => {
  [pharmacist, doctor] = await Promise.all([system.tokenFor('pharmacist'), system.tokenFor('doctor')]);
  const email = `pharmacist-two-${uniqueSuffix().toLowerCase()}@test.hospital.local`;
  const password = `Dispense-${randomUUID()}`;
  dataOf(
    await system.gql(
      'mutation($i: CreateUserInput!) { createUser(input: $i) { id } }',
      { i: { email, password, displayName: 'Second Pharmacist', role: 'PHARMACIST' } },
      await system.tokenFor('admin'),
    ),
  );
  colleague = dataOf(
    await system.gql<{ login: { accessToken: string } }>('mutation($e: String!, $p: String!) { login(email: $e, password: $p) { accessToken } }', { e: email, p: password }),
  ).login.accessToken;
});

describe('catalogue', () => {
  it('creates drugs, refuses a duplicate code with CONFLICT, and searches by prefix a page at a time', async () => {
    const stem = `Zyx${uniqueSuffix().replace(/\d/g, 'q').toLowerCase()}`;
    const first = await seed.drug([], `${stem}alpha`);
    await seed.drug([], `${stem}beta`);
    const duplicate = await system.gql(
      'mutation($i: CreateDrugInput!) { createDrug(input: $i) { id } }',
      { i: { code: first.code.toLowerCase(), name: 'Dup', form: 'OTHER', strength: '1' } },
      pharmacist,
    );
    expect(codeOf(duplicate)).toBe('CONFLICT');
    type Page = { drugs: { totalCount: number; pageInfo: { hasNextPage: boolean; endCursor: string }; edges: { node: { name: string } }[] } };
    const SEARCH = 'query($s: String, $after: String) { drugs(search: $s, first: 1, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { node { name } } } }';
    const page1 = dataOf(await system.gql<Page>(SEARCH, { s: stem.toUpperCase() }, doctor)).drugs;
    expect([page1.totalCount, page1.pageInfo.hasNextPage, page1.edges[0]?.node.name]).toEqual([2, true, `${stem}alpha`]);
    const page2 = dataOf(await system.gql<Page>(SEARCH, { s: stem, after: page1.pageInfo.endCursor }, doctor)).drugs;
    expect(page2.edges.map((e) => e.node.name)).toEqual([`${stem}beta`]);
    const tooBig = await system.gql(SEARCH.replace('first: 1', 'first: -5'), { s: stem }, doctor);
    expect(codeOf(tooBig)).toBe('BAD_USER_INPUT');
  });
});

describe('stock', () => {
  it('receives into lots, refuses expired stock and a clashing expiry, and adjusts with a reason, never below zero', async () => {
    const drug = await seed.drug([{ lotNumber: 'E2E-A', quantity: 10, expiresOn: inDays(100) }]);
    const RECEIVE = 'mutation($i: ReceiveStockInput!) { receiveStock(input: $i) { id quantity } }';
    const topUp = dataOf(
      await system.gql<{ receiveStock: { id: string; quantity: number } }>(
        RECEIVE,
        { i: { drugId: drug.id, lotNumber: 'e2e-a', quantity: 5, expiresOn: inDays(100) } },
        pharmacist,
      ),
    );
    expect(topUp.receiveStock).toEqual({ id: drug.lotIds[0], quantity: 15 });
    const clash = await system.gql(RECEIVE, { i: { drugId: drug.id, lotNumber: 'E2E-A', quantity: 5, expiresOn: inDays(200) } }, pharmacist);
    expect(clash.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'expiresOn' });
    const expired = await system.gql(RECEIVE, { i: { drugId: drug.id, lotNumber: 'E2E-OLD', quantity: 5, expiresOn: inDays(-3) } }, pharmacist);
    expect(expired.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'expiresOn' });

    const ADJUST = 'mutation($i: AdjustStockInput!) { adjustStock(input: $i) { quantity } }';
    expect(
      dataOf(await system.gql<{ adjustStock: { quantity: number } }>(ADJUST, { i: { lotId: drug.lotIds[0], delta: -3, reason: 'Damaged in transit' } }, pharmacist)).adjustStock
        .quantity,
    ).toBe(12);
    expect(codeOf(await system.gql(ADJUST, { i: { lotId: drug.lotIds[0], delta: -13, reason: 'Count' } }, pharmacist))).toBe('CONFLICT');
    expect((await system.gql(ADJUST, { i: { lotId: drug.lotIds[0], delta: -1, reason: ' ' } }, pharmacist)).errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'reason',
    });

    type Ledger = { stockMovements: { kind: string; delta: number; quantityAfter: number; reason: string | null; actor: { id: string } | null }[] };
    const ledger = dataOf(await system.gql<Ledger>('query($d: ID!) { stockMovements(drugId: $d) { kind delta quantityAfter reason actor { id } } }', { d: drug.id }, pharmacist));
    expect(ledger.stockMovements).toEqual([
      { kind: 'ADJUST', delta: -3, quantityAfter: 12, reason: 'Damaged in transit', actor: { id: system.accounts.pharmacist.id } },
      { kind: 'RECEIVE', delta: 5, quantityAfter: 15, reason: null, actor: { id: system.accounts.pharmacist.id } },
      { kind: 'RECEIVE', delta: 10, quantityAfter: 10, reason: null, actor: { id: system.accounts.pharmacist.id } },
    ]);
  });

  it('reports low stock and lots expiring soon', async () => {
    const drug = await seed.drug([
      { lotNumber: 'SOON', quantity: 3, expiresOn: inDays(10) },
      { lotNumber: 'LATER', quantity: 4, expiresOn: inDays(300) },
    ]);
    const low = dataOf(await system.gql<{ lowStock: { id: string; stockOnHand: number }[] }>('{ lowStock(threshold: 8) { id stockOnHand } }', {}, doctor));
    expect(low.lowStock.find((d) => d.id === drug.id)).toEqual({ id: drug.id, stockOnHand: 7 });
    const notLow = dataOf(await system.gql<{ lowStock: { id: string }[] }>('{ lowStock(threshold: 7) { id } }', {}, doctor));
    expect(notLow.lowStock.some((d) => d.id === drug.id)).toBe(false);
    const expiring = dataOf(
      await system.gql<{ expiringLots: { id: string; lotNumber: string; drug: { id: string } }[] }>(
        '{ expiringLots(withinDays: 30) { id lotNumber drug { id } } }',
        {},
        pharmacist,
      ),
    );
    expect(expiring.expiringLots.filter((l) => l.drug.id === drug.id).map((l) => l.lotNumber)).toEqual(['SOON']);
  });
});

describe('prescribing', () => {
  it('writes a prescription signed by the caller, resolved across subgraphs', async () => {
    const [drug, patientId] = await Promise.all([seed.drug(), seed.patient()]);
    const id = await seed.prescription(patientId, drug.id, 12);
    type Read = { prescription: { status: string; quantity: number; prescriber: { id: string; email: string }; patient: { id: string; fullName: string }; drug: { id: string } } };
    const read = dataOf(
      await system.gql<Read>('query($id: ID!) { prescription(id: $id) { status quantity prescriber { id email } patient { id fullName } drug { id } } }', { id }, doctor),
    );
    expect(read.prescription).toMatchObject({
      status: 'PENDING',
      quantity: 12,
      prescriber: { id: system.accounts.doctor.id, email: system.accounts.doctor.email },
      drug: { id: drug.id },
    });
    expect(read.prescription.patient).toMatchObject({ id: patientId, fullName: expect.stringMatching(/^Penny Pharmtest/) });
  });

  it('refuses a drug the patient is allergic to unless the doctor overrides with a reason, which is recorded', async () => {
    const [drug, patientId] = await Promise.all([seed.drug([], 'Flucloxacillin'), seed.patient(['Penicillins'])]);
    const refused = await seed.prescribeRaw(patientId, drug.id, 28);
    expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'allergyOverrideReason' });
    expect(refused.errors?.[0]?.message).toContain('Penicillins');
    const id = dataOf(await seed.prescribeRaw(patientId, drug.id, 28, 'Microbiology advice: no alternative')).prescribe.id;
    type Read = { prescription: { allergyOverride: { reason: string; overriddenBy: { id: string }; allergies: string[] } } };
    const read = dataOf(await system.gql<Read>('query($id: ID!) { prescription(id: $id) { allergyOverride { reason overriddenBy { id } allergies } } }', { id }, pharmacist));
    expect(read.prescription.allergyOverride).toEqual({
      reason: 'Microbiology advice: no alternative',
      overriddenBy: { id: system.accounts.doctor.id },
      allergies: ['Penicillins'],
    });
  });

  it('shows a patient their prescriptions across subgraphs, filtered by status', async () => {
    const [drug, patientId] = await Promise.all([seed.drug([{ lotNumber: 'PP-1', quantity: 10, expiresOn: inDays(60) }]), seed.patient()]);
    const first = await seed.prescription(patientId, drug.id, 2);
    const second = await seed.prescription(patientId, drug.id, 3);
    dataOf(await system.gql(DISPENSE, { id: first }, pharmacist));
    type Read = { patient: { fullName: string; all: { id: string }[]; pending: { id: string; drug: { id: string } }[] } };
    const read = dataOf(
      await system.gql<Read>(
        'query($id: ID!) { patient(id: $id) { fullName all: prescriptions { id } pending: prescriptions(status: PENDING) { id drug { id } } } }',
        { id: patientId },
        await system.tokenFor('ward_staff'),
      ),
    );
    expect(read.patient.all.map((p) => p.id).sort()).toEqual([first, second].sort());
    expect(read.patient.pending).toEqual([{ id: second, drug: { id: drug.id } }]);
  });
});

describe('dispensing', () => {
  it('takes from the lot that expires first and records the pharmacist', async () => {
    const drug = await seed.drug([
      { lotNumber: 'LATE', quantity: 10, expiresOn: inDays(300) },
      { lotNumber: 'EARLY', quantity: 4, expiresOn: inDays(20) },
    ]);
    const id = await seed.prescription(await seed.patient(), drug.id, 6);
    type Dispensed = { dispensePrescription: { status: string; dispensedBy: { id: string }; dispensations: { lotNumber: string; quantity: number }[] } };
    const dispensed = dataOf(await system.gql<Dispensed>(DISPENSE, { id }, pharmacist)).dispensePrescription;
    expect(dispensed).toMatchObject({ status: 'DISPENSED', dispensedBy: { id: system.accounts.pharmacist.id } });
    expect(dispensed.dispensations.map((d) => [d.lotNumber, d.quantity])).toEqual([
      ['EARLY', 4],
      ['LATE', 2],
    ]);
    expect(codeOf(await system.gql(DISPENSE, { id }, pharmacist))).toBe('CONFLICT');
    expect(await stockOf(drug.id)).toBe(8);
  });

  it('two pharmacists dispensing the last units at once: exactly one succeeds, the other gets CONFLICT', async () => {
    const drug = await seed.drug([{ lotNumber: 'LAST', quantity: 6, expiresOn: inDays(30) }]);
    const [a, b] = await Promise.all([seed.patient(), seed.patient()]);
    const [p1, p2] = await Promise.all([seed.prescription(a, drug.id, 4), seed.prescription(b, drug.id, 4)]);
    const results = await Promise.all([system.gql(DISPENSE, { id: p1 }, pharmacist), system.gql(DISPENSE, { id: p2 }, colleague)]);
    expect(results.filter((r) => r.errors === undefined)).toHaveLength(1);
    expect(results.map(codeOf).filter(Boolean)).toEqual(['CONFLICT']);
    expect(await stockOf(drug.id)).toBe(2);
  });

  it('six parallel dispenses for five units each from 17: three succeed, stock ends at 2, never negative', async () => {
    const drug = await seed.drug([
      { lotNumber: 'R-1', quantity: 9, expiresOn: inDays(40) },
      { lotNumber: 'R-2', quantity: 8, expiresOn: inDays(80) },
    ]);
    const patients = await Promise.all(Array.from({ length: 6 }, () => seed.patient()));
    const ids = await Promise.all(patients.map((p) => seed.prescription(p, drug.id, 5)));
    const results = await Promise.all(ids.map((id, i) => system.gql(DISPENSE, { id }, i % 2 === 0 ? pharmacist : colleague)));
    expect(results.filter((r) => r.errors === undefined)).toHaveLength(3);
    expect(results.map(codeOf).filter(Boolean)).toEqual(['CONFLICT', 'CONFLICT', 'CONFLICT']);
    const after = dataOf(await system.gql<{ drug: { stockOnHand: number; lots: { lotNumber: string; quantity: number }[] } }>(DRUG, { id: drug.id }, pharmacist)).drug;
    expect(after.stockOnHand).toBe(2);
    expect(after.lots.map((l) => [l.lotNumber, l.quantity])).toEqual([['R-2', 2]]);
  });

  it('refuses a cancelled prescription with BAD_USER_INPUT and keeps stock levels from ward staff', async () => {
    const drug = await seed.drug([{ lotNumber: 'C-1', quantity: 5, expiresOn: inDays(30) }]);
    const id = await seed.prescription(await seed.patient(), drug.id, 1);
    dataOf(await system.gql('mutation($id: ID!) { cancelPrescription(id: $id, reason: "Duplicate order") { status } }', { id }, doctor));
    expect((await system.gql(DISPENSE, { id }, pharmacist)).errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'id' });
    const nurse = await system.tokenFor('ward_staff');
    expect(codeOf(await system.gql('query($id: ID!) { prescription(id: $id) { drug { stockOnHand } } }', { id }, nurse))).toBe('FORBIDDEN');
    expect(
      dataOf(await system.gql<{ prescription: { status: string; drug: { id: string } } }>('query($id: ID!) { prescription(id: $id) { status drug { id } } }', { id }, nurse))
        .prescription,
    ).toEqual({
      status: 'CANCELLED',
      drug: { id: drug.id },
    });
  });
});
