/**
 * The ward rows of the role table, walked through the router with real JWTs. Reads are the care
 * team's (admin, doctor, ward staff); ward staff record admissions and transfers; doctors may
 * also record a discharge (the summary is theirs to write); only admins plan wards and beds and
 * assign staff to wards.
 */
import { randomUUID } from 'node:crypto';
import { beforeAll } from 'vitest';
import { describeRoleTable, takeFixture, type RoleRow } from './role-table.ts';
import type { TestSystem } from '@hospital/test-support/system';
import { uniqueSuffix, wardFixtures, type SeededAdmission, type SeededWard } from './ward-fixtures.ts';
import { systemForFile } from '../support/system-database.ts';

let system: TestSystem;
const seed = wardFixtures(() => system);
/** Callers per row (five roles and anonymous): each mutation row gets one fresh resource per caller. */
const CALLS_PER_ROW = 6;

let board: SeededWard;
let admitted: SeededAdmission;
let admitPool: { patientId: string; bedId: string }[] = [];
let transferPool: { admissionId: string; wardId: string; bedId: string }[] = [];
let dischargePool: string[] = [];
let outOfServiceBed: string;

const CARE_TEAM = ['admin', 'doctor', 'ward_staff'] as const;

const ROWS: RoleRow[] = [
  { name: 'query wards', allowed: [...CARE_TEAM], query: '{ wards { id name code beds { label status } } }' },
  { name: 'query ward', allowed: [...CARE_TEAM], query: 'query($id: ID!) { ward(id: $id) { id occupancy { rate } } }', variables: () => ({ id: board.id }) },
  {
    name: 'query bedBoard',
    allowed: [...CARE_TEAM],
    query: 'query($w: ID!) { bedBoard(wardId: $w) { label status outOfService occupant { id patient { id } } } }',
    variables: () => ({ w: board.id }),
  },
  { name: 'query occupancy', allowed: [...CARE_TEAM], query: '{ occupancy { ward { id } beds occupied free rate } }' },
  { name: 'query admissions', allowed: [...CARE_TEAM], query: '{ admissions(first: 5) { totalCount edges { node { id status } } } }' },
  {
    name: 'query admission',
    allowed: [...CARE_TEAM],
    query: 'query($id: ID!) { admission(id: $id) { id status reason bed { label } ward { name } } }',
    variables: () => ({ id: admitted.id }),
  },
  {
    name: 'read Patient.currentAdmission and Patient.admissions',
    allowed: [...CARE_TEAM],
    query: 'query($id: ID!) { patient(id: $id) { id currentAdmission { id } admissions { id } } }',
    variables: () => ({ id: admitted.patientId }),
  },
  { name: 'read Ward.staff', allowed: ['admin'], query: 'query($id: ID!) { ward(id: $id) { id staff { id } } }', variables: () => ({ id: board.id }) },
  {
    name: 'mutation assignStaffToWard',
    allowed: ['admin'],
    query: 'mutation($u: ID!, $w: ID!) { assignStaffToWard(userId: $u, wardId: $w) { id } }',
    variables: () => ({ u: randomUUID(), w: board.id }),
  },
  {
    name: 'mutation unassignStaffFromWard',
    allowed: ['admin'],
    query: 'mutation($u: ID!, $w: ID!) { unassignStaffFromWard(userId: $u, wardId: $w) { id } }',
    variables: () => ({ u: randomUUID(), w: board.id }),
  },
  {
    name: 'mutation createWard',
    allowed: ['admin'],
    query: 'mutation($i: CreateWardInput!) { createWard(input: $i) { id code } }',
    variables: () => ({ i: { name: 'Role Table Ward', code: `RT-${uniqueSuffix()}` } }),
  },
  {
    name: 'mutation addBed',
    allowed: ['admin'],
    query: 'mutation($i: AddBedInput!) { addBed(input: $i) { id label } }',
    variables: () => ({ i: { wardId: board.id, label: `RT-${uniqueSuffix()}` } }),
  },
  {
    name: 'mutation setBedOutOfService',
    allowed: ['admin', 'ward_staff'],
    query: 'mutation($b: ID!) { setBedOutOfService(bedId: $b, outOfService: true) { id outOfService } }',
    variables: () => ({ b: outOfServiceBed }),
  },
  {
    name: 'mutation admitPatient',
    allowed: ['admin', 'ward_staff'],
    query: 'mutation($i: AdmitPatientInput!) { admitPatient(input: $i) { id status } }',
    variables: () => ({ i: { ...takeFixture(admitPool), reason: 'Role table' } }),
  },
  {
    name: 'mutation transferPatient',
    allowed: ['admin', 'ward_staff'],
    query: 'mutation($a: ID!, $w: ID!, $b: ID!) { transferPatient(admissionId: $a, wardId: $w, bedId: $b) { id bed { id } } }',
    variables: () => {
      const { admissionId, wardId, bedId } = takeFixture(transferPool);
      return { a: admissionId, w: wardId, b: bedId };
    },
  },
  {
    name: 'mutation dischargePatient',
    allowed: ['admin', 'doctor', 'ward_staff'],
    query: 'mutation($a: ID!) { dischargePatient(admissionId: $a, summary: "Role table discharge.") { id status } }',
    variables: () => ({ a: takeFixture(dischargePool) }),
  },
];

systemForFile((running) => (system = running));
beforeAll(async () => {
  const n = CALLS_PER_ROW;
  const labels = (prefix: string) => Array.from({ length: n }, (_, i) => `${prefix}${i + 1}`);
  board = await seed.ward(['R1', 'OOS', ...labels('A'), ...labels('TF'), ...labels('TT'), ...labels('D')]);
  const bedsFrom = (start: number) => board.beds.slice(start, start + n);
  const [admitBeds, fromBeds, toBeds, dischargeBeds] = [bedsFrom(2), bedsFrom(2 + n), bedsFrom(2 + 2 * n), bedsFrom(2 + 3 * n)];
  outOfServiceBed = board.beds[1]!;
  const patients = await Promise.all(Array.from({ length: 1 + 3 * n }, () => seed.patient()));
  admitted = await seed.admit(patients[0]!, board.beds[0]!);
  admitPool = admitBeds.map((bedId, i) => ({ patientId: patients[1 + i]!, bedId }));
  const moving = await Promise.all(fromBeds.map((bedId, i) => seed.admit(patients[1 + n + i]!, bedId)));
  transferPool = moving.map((admission, i) => ({ admissionId: admission.id, wardId: board.id, bedId: toBeds[i]! }));
  dischargePool = (await Promise.all(dischargeBeds.map((bedId, i) => seed.admit(patients[1 + 2 * n + i]!, bedId)))).map((a) => a.id);
});

describeRoleTable(() => system, ROWS);
