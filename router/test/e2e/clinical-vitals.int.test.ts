/**
 * Vital signs end to end: ward staff chart the patients admitted on their wards (NEWS2 from the
 * set, abnormal values flagged, impossible ones refused with BAD_USER_INPUT naming the field);
 * a patient off their wards is FORBIDDEN (no care relationship), and every read and write lands in the audit trail.
 * Also the clinical rows of the role table: pharmacists and finance see none of the record.
 */
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import type { PrismaClient } from '@hospital/db';
import { waitForAuditSeal } from '@hospital/db/testing';
import type { TestSystem } from '@hospital/test-support/system';
import { systemWithDatabase } from '../support/system-database.ts';
import { clinicalFixtures, type SeededVisit } from './clinical-fixtures.ts';
import { describeRoleTable, takeFixture, type RoleRow } from './role-table.ts';
import { dataOf } from './ward-fixtures.ts';

let system: TestSystem;
let db: PrismaClient;
const fx = clinicalFixtures(() => system);
const codeOf = (result: { errors?: { extensions?: Record<string, unknown> }[] }) => result.errors?.[0]?.extensions?.['code'];
const RECORD = 'mutation($p: ID!, $v: VitalSignsInput!) { recordVitals(patientId: $p, vitals: $v) { id abnormal news2 { score risk } temperatureC pulseBpm consciousness } }';

/** A set scoring 0 in every NEWS2 parameter. */
const CALM = { respiratoryRate: 16, spo2Percent: 97, onOxygen: false, systolicMmhg: 120, diastolicMmhg: 80, pulseBpm: 70, consciousness: 'ALERT', temperatureC: 37.0 };

let inpatient: { patientId: string; admissionId: string };
let visit: SeededVisit;
const draftPool: string[] = [];
const visitPool: string[] = [];

systemWithDatabase((running) => ({ system, db } = running), 1);
beforeAll(async () => {
  inpatient = await fx.admitted();
  visit = await fx.visit();
  for (let i = 0; i < 6; i += 1) draftPool.push(await fx.draft(visit.encounterId));
  for (let i = 0; i < 6; i += 1) visitPool.push((await fx.checkedInAppointment()).appointmentId);
});

describe('ward staff charting vital signs', () => {
  it('record a set for a patient on their ward: NEWS2 and abnormal flags come back', async () => {
    const staff = await system.tokenFor('ward_staff');
    const calm = await system.gql<{ recordVitals: { abnormal: string[]; news2: { score: number; risk: string } } }>(RECORD, { p: inpatient.patientId, v: CALM }, staff);
    expect(dataOf(calm).recordVitals).toMatchObject({ abnormal: [], news2: { score: 0, risk: 'LOW' } });
    // RR 22 (2) + SpO2 94 (1) + oxygen (2) + pulse 115 (2) = 7: HIGH.
    const sick = await system.gql<{ recordVitals: { abnormal: string[]; news2: { score: number; risk: string } } }>(
      RECORD,
      { p: inpatient.patientId, v: { ...CALM, respiratoryRate: 22, spo2Percent: 94, onOxygen: true, pulseBpm: 115 } },
      staff,
    );
    expect(dataOf(sick).recordVitals).toEqual(expect.objectContaining({ abnormal: ['pulseBpm', 'respiratoryRate', 'spo2Percent'], news2: { score: 7, risk: 'HIGH' } }));
    const partial = await system.gql<{ recordVitals: { news2: null; temperatureC: number } }>(RECORD, { p: inpatient.patientId, v: { temperatureC: 38.4 } }, staff);
    expect(dataOf(partial).recordVitals).toMatchObject({ news2: null, temperatureC: 38.4 });

    const chart = await system.gql<{ patient: { vitalSigns: { temperatureC: number | null; news2: { score: number } | null }[] } }>(
      'query($id: ID!) { patient(id: $id) { vitalSigns { temperatureC news2 { score } } } }',
      { id: inpatient.patientId },
      staff,
    );
    expect(dataOf(chart).patient.vitalSigns.map((v) => v.news2?.score ?? null)).toEqual([null, 7, 0]);
  });

  it('refuse impossible values with BAD_USER_INPUT naming the field, and an empty set', async () => {
    const staff = await system.tokenFor('ward_staff');
    const typo = await system.gql(RECORD, { p: inpatient.patientId, v: { temperatureC: 375 } }, staff);
    expect(codeOf(typo)).toBe('BAD_USER_INPUT');
    expect(typo.errors?.[0]?.message).toContain('Temperature must be between 25 and 45');
    expect(codeOf(await system.gql(RECORD, { p: inpatient.patientId, v: { spo2Percent: 140 } }, staff))).toBe('BAD_USER_INPUT');
    expect(codeOf(await system.gql(RECORD, { p: inpatient.patientId, v: {} }, staff))).toBe('BAD_USER_INPUT');
  });

  it('cannot chart or read a patient who is not on their wards: FORBIDDEN (no care relationship), and the trail has a denied row', async () => {
    const staff = await system.tokenFor('ward_staff');
    const outpatient = visit.patientId;
    expect(codeOf(await system.gql(RECORD, { p: outpatient, v: CALM }, staff))).toBe('FORBIDDEN');
    expect(codeOf(await system.gql(RECORD, { p: randomUUID(), v: CALM }, staff))).toBe('FORBIDDEN');
    const read = await system.gql('query($id: ID!) { patient(id: $id) { vitalSigns { id } } }', { id: outpatient }, staff);
    expect(codeOf(read)).toBe('FORBIDDEN');
    await waitForAuditSeal(db);
    const rows = await db.accessRecord.findMany({ where: { patientId: outpatient, resource: 'VitalSigns', actorId: system.accounts.ward_staff.id } });
    expect(rows.map((r) => [r.action, r.outcome, r.reason]).sort()).toEqual([
      ['ClinicalService.GetPatientVitals', 'denied', 'FORBIDDEN'],
      ['ClinicalService.RecordVitals', 'denied', 'FORBIDDEN'],
    ]);
  });

  it('a doctor charts a patient in an open visit; every write names the patient in the audit trail', async () => {
    const doctor = await system.tokenFor('doctor');
    dataOf(await system.gql(RECORD, { p: visit.patientId, v: { ...CALM, painScore: 6 } }, doctor));
    await waitForAuditSeal(db);
    const rows = await db.accessRecord.findMany({ where: { patientId: visit.patientId, actorId: system.accounts.doctor.id, action: 'ClinicalService.RecordVitals' } });
    expect(rows.map((r) => [r.outcome, r.fields])).toEqual([['allowed', ['vitals']]]);
  });
});

const CLINICIANS = ['admin', 'doctor'] as const;

const ROWS: RoleRow[] = [
  { name: 'query encounter', allowed: [...CLINICIANS], query: 'query($id: ID!) { encounter(id: $id) { id notes { id } } }', variables: () => ({ id: visit.encounterId }) },
  { name: 'read Patient.encounters', allowed: [...CLINICIANS], query: 'query($id: ID!) { patient(id: $id) { id encounters { id } } }', variables: () => ({ id: visit.patientId }) },
  {
    name: 'read Patient.vitalSigns',
    allowed: ['admin', 'doctor', 'ward_staff'],
    query: 'query($id: ID!) { patient(id: $id) { id vitalSigns { id news2 { score } } } }',
    variables: () => ({ id: inpatient.patientId }),
  },
  { name: 'mutation openVisit', allowed: [...CLINICIANS], query: 'mutation($a: ID!) { openVisit(appointmentId: $a) { id } }', variables: () => ({ a: takeFixture(visitPool) }) },
  {
    name: 'mutation writeNote',
    allowed: [...CLINICIANS],
    query: 'mutation($e: ID!) { writeNote(encounterId: $e, text: "Role table.") { id } }',
    variables: () => ({ e: visit.encounterId }),
  },
  { name: 'read Patient.problems', allowed: [...CLINICIANS], query: 'query($id: ID!) { patient(id: $id) { id problems { id } } }', variables: () => ({ id: visit.patientId }) },
  { name: 'query icd10Codes', allowed: [...CLINICIANS], query: '{ icd10Codes(search: "J18") { code } }' },
  {
    name: 'mutation addProblem',
    allowed: [...CLINICIANS],
    query: 'mutation($e: ID!) { addProblem(encounterId: $e, icd10Code: "R05.9") { id } }',
    variables: () => ({ e: visit.encounterId }),
  },
  // Each caller gets a draft the doctor wrote: the doctor signs it; admins reach the service, which answers NOT_FOUND (not the author).
  { name: 'mutation signNote (the author)', allowed: ['doctor'], query: 'mutation($n: ID!) { signNote(noteId: $n) { id } }', variables: () => ({ n: takeFixture(draftPool) }) },
  {
    name: 'mutation recordVitals',
    allowed: ['admin', 'doctor', 'ward_staff'],
    query: 'mutation($p: ID!, $v: VitalSignsInput!) { recordVitals(patientId: $p, vitals: $v) { id } }',
    variables: () => ({ p: inpatient.patientId, v: { pulseBpm: 72 } }),
  },
];

describe('clinical role table', () => {
  describeRoleTable(
    () => system,
    ROWS.filter((row) => !row.name.startsWith('mutation signNote')),
  );

  it.each(['admin', 'doctor', 'pharmacist', 'finance', 'ward_staff', 'anonymous'] as const)('signNote as %s', async (who) => {
    const row = ROWS.find((r) => r.name.startsWith('mutation signNote'))!;
    const token = who === 'anonymous' ? undefined : await system.tokenFor(who);
    const result = await system.gql(row.query, row.variables?.(), token);
    const expected = { admin: 'NOT_FOUND', doctor: undefined, pharmacist: 'FORBIDDEN', finance: 'FORBIDDEN', ward_staff: 'FORBIDDEN', anonymous: 'UNAUTHENTICATED' }[who];
    expect(codeOf(result), JSON.stringify(result.errors)).toBe(expected);
  });
});
