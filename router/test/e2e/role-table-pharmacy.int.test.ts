/**
 * The pharmacy rows of the role table, walked through the router with real JWTs.
 * - The catalogue and stock reports are read by pharmacists and admins, and by doctors, who look
 *   drugs up to prescribe; the ledger is the pharmacy's own (admins audit it).
 * - Only pharmacists and admins change the catalogue and stock.
 * - Only doctors prescribe (and withdraw a prescription); only pharmacists dispense.
 * - Prescriptions are read by the clinical team: doctors, pharmacists, admins, and ward staff,
 *   who give the medicines on the ward and must check what was prescribed and dispensed. Ward
 *   staff do not see stock levels. Finance reads none of it: billing goes through invoices.
 */
import { beforeAll } from 'vitest';
import { inDays, pharmacyFixtures, uniqueSuffix } from './pharmacy-fixtures.ts';
import { describeRoleTable, takeFixture, type RoleRow } from './role-table.ts';
import type { TestSystem } from '@hospital/test-support/system';
import { systemForFile } from '../support/system-database.ts';

let system: TestSystem;
const seed = pharmacyFixtures(() => system);
/** Callers per row (five roles and anonymous): rows that use up a resource get one per caller. */
const CALLS_PER_ROW = 6;

let drug: { id: string; code: string; lotIds: string[] };
let patientId: string;
let prescriptionId: string;
let dispensePool: string[] = [];
let cancelPool: string[] = [];

const CATALOGUE_READERS = ['admin', 'pharmacist', 'doctor'] as const;
const STOCK_KEEPERS = ['admin', 'pharmacist'] as const;
const CLINICAL_READERS = ['admin', 'doctor', 'pharmacist', 'ward_staff'] as const;

const ROWS: RoleRow[] = [
  {
    name: 'query drugs',
    allowed: [...CATALOGUE_READERS],
    query: 'query($s: String) { drugs(search: $s, first: 5) { totalCount edges { node { id code stockOnHand } } } }',
    variables: () => ({ s: drug.code }),
  },
  { name: 'query drug', allowed: [...CATALOGUE_READERS], query: 'query($id: ID!) { drug(id: $id) { id name lots { lotNumber } } }', variables: () => ({ id: drug.id }) },
  { name: 'query lowStock', allowed: [...CATALOGUE_READERS], query: '{ lowStock(threshold: 5) { id stockOnHand } }' },
  { name: 'query expiringLots', allowed: [...CATALOGUE_READERS], query: '{ expiringLots(withinDays: 30) { id lotNumber expiresOn } }' },
  {
    name: 'query stockMovements',
    allowed: [...STOCK_KEEPERS],
    query: 'query($d: ID!) { stockMovements(drugId: $d, first: 5) { kind delta actor { id } } }',
    variables: () => ({ d: drug.id }),
  },
  {
    name: 'query prescriptions',
    allowed: [...CLINICAL_READERS],
    query: '{ prescriptions(status: PENDING, first: 5) { totalCount edges { node { id status } } } }',
  },
  {
    name: 'query prescription',
    allowed: [...CLINICAL_READERS],
    query: 'query($id: ID!) { prescription(id: $id) { id status dose quantity drug { name } } }',
    variables: () => ({ id: prescriptionId }),
  },
  {
    name: 'read Patient.prescriptions',
    allowed: [...CLINICAL_READERS],
    query: 'query($id: ID!) { patient(id: $id) { id prescriptions { id status } } }',
    variables: () => ({ id: patientId }),
  },
  {
    name: 'read Drug.stockOnHand through a prescription',
    allowed: [...CATALOGUE_READERS],
    query: 'query($id: ID!) { prescription(id: $id) { id drug { stockOnHand } } }',
    variables: () => ({ id: prescriptionId }),
  },
  {
    name: 'mutation createDrug',
    allowed: [...STOCK_KEEPERS],
    query: 'mutation($i: CreateDrugInput!) { createDrug(input: $i) { id } }',
    variables: () => ({ i: { code: `RT${uniqueSuffix()}`, name: 'Roletablamol', form: 'TABLET', strength: '10 mg' } }),
  },
  {
    name: 'mutation receiveStock',
    allowed: [...STOCK_KEEPERS],
    query: 'mutation($i: ReceiveStockInput!) { receiveStock(input: $i) { id quantity } }',
    variables: () => ({ i: { drugId: drug.id, lotNumber: `RT-${uniqueSuffix()}`, quantity: 10, expiresOn: inDays(365) } }),
  },
  {
    name: 'mutation adjustStock',
    allowed: [...STOCK_KEEPERS],
    query: 'mutation($i: AdjustStockInput!) { adjustStock(input: $i) { id quantity } }',
    variables: () => ({ i: { lotId: drug.lotIds[0], delta: 1, reason: 'Stock count' } }),
  },
  {
    name: 'mutation prescribe',
    allowed: ['doctor'],
    query: 'mutation($i: PrescribeInput!) { prescribe(input: $i) { id status } }',
    variables: () => ({ i: { patientId, drugId: drug.id, dose: '1 tablet', frequency: 'daily', durationDays: 7, quantity: 7 } }),
  },
  {
    name: 'mutation dispensePrescription',
    allowed: ['pharmacist'],
    query: 'mutation($id: ID!) { dispensePrescription(id: $id) { id status } }',
    variables: () => ({ id: takeFixture(dispensePool) }),
  },
  {
    name: 'mutation cancelPrescription',
    allowed: ['doctor'],
    query: 'mutation($id: ID!) { cancelPrescription(id: $id, reason: "Changed plan") { id status } }',
    variables: () => ({ id: takeFixture(cancelPool) }),
  },
];

systemForFile((running) => (system = running));
beforeAll(async () => {
  drug = await seed.drug([{ lotNumber: 'RT-MAIN', quantity: 500, expiresOn: inDays(20) }], 'Roletablol');
  patientId = await seed.patient();
  prescriptionId = await seed.prescription(patientId, drug.id, 2);
  dispensePool = await Promise.all(Array.from({ length: CALLS_PER_ROW }, () => seed.prescription(patientId, drug.id, 1)));
  cancelPool = await Promise.all(Array.from({ length: CALLS_PER_ROW }, () => seed.prescription(patientId, drug.id, 1)));
});

describeRoleTable(() => system, ROWS);
