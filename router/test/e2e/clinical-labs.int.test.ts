/**
 * Lab orders and results end to end: a doctor orders catalogue tests in an open encounter; staff
 * enter each result once (unit and plausibility checked, flagged against the ranges; of two racing
 * entries one wins and the other is CONFLICT); a correction is an amendment that keeps the
 * original. Ward staff enter and read results of their wards' patients only; pharmacists and
 * finance see nothing (the role table).
 */
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

const ORDER = 'mutation($e: ID!, $c: [String!]!) { orderLabTests(encounterId: $e, loincCodes: $c) { id test { loincCode name unit } result { id } } }';
const ENTER = 'mutation($o: ID!, $v: Float!, $u: String!) { enterLabResult(orderId: $o, value: $v, unit: $u) { id result { value unit flag abnormal } } }';
const AMEND =
  'mutation($o: ID!, $v: Float!, $u: String!) { amendLabResult(orderId: $o, value: $v, unit: $u) { id result { value flag amendsResultId } results { id value flag amendsResultId } } }';
const READ = 'query($id: ID!) { patient(id: $id) { labOrders { id test { name } result { value flag } results { id } } } }';

type Ordered = { orderLabTests: { id: string; test: { loincCode: string; name: string; unit: string }; result: null }[] };

let visit: SeededVisit;
let stay: { patientId: string; encounterId: string };
let offWard: { patientId: string; encounterId: string };
const orderPool: string[] = [];

/** Orders tests as the doctor; returns the order item ids. */
async function order(encounterId: string, codes: string[]): Promise<string[]> {
  const ordered = await system.gql<Ordered>(ORDER, { e: encounterId, c: codes }, await system.tokenFor('doctor'));
  return dataOf(ordered).orderLabTests.map((o) => o.id);
}

systemWithDatabase((running) => ({ system, db } = running), 1);
beforeAll(async () => {
  visit = await fx.visit();
  const admitted = await fx.admitted();
  const opened = await system.gql<{ openStay: { id: string } }>(
    'mutation($a: ID!) { openStay(admissionId: $a) { id } }',
    { a: admitted.admissionId },
    await system.tokenFor('doctor'),
  );
  stay = { patientId: admitted.patientId, encounterId: dataOf(opened).openStay.id };
  offWard = visit;
  for (let i = 0; i < 3; i += 1) orderPool.push(...(await order(stay.encounterId, ['718-7'])));
});

describe('ordering lab tests', () => {
  it('a doctor orders catalogue tests in an open visit: one pending item per test', async () => {
    const doctor = await system.tokenFor('doctor');
    const catalogue = await system.gql<{ labTests: { loincCode: string; unit: string; criticalHigh: number | null }[] }>(
      '{ labTests { loincCode unit criticalHigh } }',
      {},
      doctor,
    );
    expect(dataOf(catalogue).labTests).toEqual(expect.arrayContaining([{ loincCode: '2823-3', unit: 'mmol/L', criticalHigh: 6.5 }]));
    const ordered = dataOf(await system.gql<Ordered>(ORDER, { e: visit.encounterId, c: ['2823-3', '2951-2'] }, doctor)).orderLabTests;
    expect(ordered.map((o) => [o.test.name, o.test.unit, o.result])).toEqual([
      ['Potassium', 'mmol/L', null],
      ['Sodium', 'mmol/L', null],
    ]);
  });

  it('refuses unknown or repeated tests, an empty order and a closed or unknown encounter with typed errors', async () => {
    const doctor = await system.tokenFor('doctor');
    expect(codeOf(await system.gql(ORDER, { e: visit.encounterId, c: ['9999-9'] }, doctor))).toBe('BAD_USER_INPUT');
    expect(codeOf(await system.gql(ORDER, { e: visit.encounterId, c: ['718-7', '718-7'] }, doctor))).toBe('BAD_USER_INPUT');
    expect(codeOf(await system.gql(ORDER, { e: visit.encounterId, c: [] }, doctor))).toBe('BAD_USER_INPUT');
    expect(codeOf(await system.gql(ORDER, { e: 'not-a-uuid', c: ['718-7'] }, doctor))).toBe('BAD_USER_INPUT');
    expect(codeOf(await system.gql(ORDER, { e: '00000000-0000-4000-8000-000000000000', c: ['718-7'] }, doctor))).toBe('NOT_FOUND');
    const closed = await fx.visit();
    dataOf(await system.gql('mutation($e: ID!) { closeEncounter(encounterId: $e) { id } }', { e: closed.encounterId }, doctor));
    expect(codeOf(await system.gql(ORDER, { e: closed.encounterId, c: ['718-7'] }, doctor))).toBe('CONFLICT');
  });
});

describe('entering results', () => {
  it('ward staff enter a result on their ward: flagged against the ranges; a wrong unit or impossible value is BAD_USER_INPUT', async () => {
    const staff = await system.tokenFor('ward_staff');
    const [potassium] = await order(stay.encounterId, ['2823-3']);
    const wrongUnit = await system.gql(ENTER, { o: potassium, v: 4.2, u: 'mg/dL' }, staff);
    expect(codeOf(wrongUnit)).toBe('BAD_USER_INPUT');
    expect(wrongUnit.errors?.[0]?.message).toContain('mmol/L');
    expect(codeOf(await system.gql(ENTER, { o: potassium, v: 420, u: 'mmol/L' }, staff))).toBe('BAD_USER_INPUT');
    expect(codeOf(await system.gql(ENTER, { o: potassium, v: -1, u: 'mmol/L' }, staff))).toBe('BAD_USER_INPUT');
    const entered = await system.gql<{ enterLabResult: { result: unknown } }>(ENTER, { o: potassium, v: 6.8, u: 'mmol/l' }, staff);
    expect(dataOf(entered).enterLabResult.result).toEqual({ value: 6.8, unit: 'mmol/L', flag: 'CRITICAL_HIGH', abnormal: true });
  });

  it('of two racing entries of the same result one wins and the other is CONFLICT', async () => {
    const [item] = await order(stay.encounterId, ['2951-2']);
    const [staff, doctor] = [await system.tokenFor('ward_staff'), await system.tokenFor('doctor')];
    const outcomes = await Promise.all([system.gql(ENTER, { o: item, v: 131, u: 'mmol/L' }, staff), system.gql(ENTER, { o: item, v: 140, u: 'mmol/L' }, doctor)]);
    expect(outcomes.map(codeOf).sort()).toEqual(['CONFLICT', undefined]);
    const read = await system.gql<{ patient: { labOrders: { id: string; results: unknown[] }[] } }>(READ, { id: stay.patientId }, doctor);
    expect(dataOf(read).patient.labOrders.find((o) => o.id === item)?.results).toHaveLength(1);
  });

  it('a correction is an amendment: the original stays, the current result is the amended one', async () => {
    const doctor = await system.tokenFor('doctor');
    const [glucose] = await order(stay.encounterId, ['2345-7']);
    expect(codeOf(await system.gql(AMEND, { o: glucose, v: 90, u: 'mg/dL' }, doctor))).toBe('CONFLICT');
    dataOf(await system.gql(ENTER, { o: glucose, v: 35, u: 'mg/dL' }, doctor));
    type Amended = {
      amendLabResult: { result: { value: number; flag: string; amendsResultId: string }; results: { id: string; value: number; flag: string; amendsResultId: string | null }[] };
    };
    const amended = dataOf(await system.gql<Amended>(AMEND, { o: glucose, v: 85, u: 'mg/dL' }, doctor)).amendLabResult;
    expect(amended.results.map((r) => [r.value, r.flag])).toEqual([
      [35, 'CRITICAL_LOW'],
      [85, 'NORMAL'],
    ]);
    expect(amended.result).toEqual({ value: 85, flag: 'NORMAL', amendsResultId: amended.results[0]!.id });
  });

  it('ward staff cannot enter or read results of a patient off their wards: FORBIDDEN (no care relationship), and audited as denied', async () => {
    const staff = await system.tokenFor('ward_staff');
    const [item] = await order(offWard.encounterId, ['1988-5']);
    expect(codeOf(await system.gql(ENTER, { o: item, v: 3, u: 'mg/L' }, staff))).toBe('FORBIDDEN');
    expect(codeOf(await system.gql(READ, { id: offWard.patientId }, staff))).toBe('FORBIDDEN');
    await waitForAuditSeal(db);
    const rows = await db.accessRecord.findMany({ where: { patientId: offWard.patientId, actorId: system.accounts.ward_staff.id, resource: { in: ['LabOrder', 'LabResult'] } } });
    expect(rows.map((r) => [r.action, r.outcome]).sort()).toEqual([
      ['ClinicalService.EnterLabResult', 'denied'],
      ['ClinicalService.GetPatientLabOrders', 'denied'],
    ]);
  });
});

const HL7 = 'mutation($m: String!) { receiveHl7LabResult(message: $m) { messageControlId order { id result { value flag amendsResultId } results { id } } } }';
/** An ORU^R01 message for one order item (CR-separated, as on the wire). */
const oru = (orderId: string, obx: string) =>
  ['MSH|^~\\&|LAB|HOSP|HIS|HOSP|20261207101500||ORU^R01^ORU_R01|CTRL42|P|2.5.1', 'PID|1||MRN1^^^HOSP^MR||Doe^Jane', `OBR|1|${orderId}||2160-0^Creatinine^LN`, obx].join('\r');

describe('HL7 v2 ORU^R01 inbound results', () => {
  it('a final result is entered and flagged, a repeat is CONFLICT, a corrected one amends it', async () => {
    const admin = await system.tokenFor('admin');
    const [creatinine] = await order(stay.encounterId, ['2160-0']);
    type Receipt = { receiveHl7LabResult: { messageControlId: string; order: { result: { value: number; flag: string; amendsResultId: string | null }; results: unknown[] } } };
    const final = oru(creatinine!, 'OBX|1|NM|2160-0^Creatinine^LN||2.4|mg/dL|0.6-1.3|H|||F');
    const entered = dataOf(await system.gql<Receipt>(HL7, { m: final }, admin)).receiveHl7LabResult;
    expect(entered).toMatchObject({ messageControlId: 'CTRL42', order: { result: { value: 2.4, flag: 'HIGH', amendsResultId: null } } });
    expect(codeOf(await system.gql(HL7, { m: final }, admin))).toBe('CONFLICT');
    const corrected = dataOf(await system.gql<Receipt>(HL7, { m: oru(creatinine!, 'OBX|1|NM|2160-0^Creatinine^LN||1.1|mg/dL|0.6-1.3|N|||C') }, admin)).receiveHl7LabResult;
    expect(corrected.order.result).toMatchObject({ value: 1.1, flag: 'NORMAL' });
    expect(corrected.order.results).toHaveLength(2);
  });

  it('refuses what it cannot take with BAD_USER_INPUT, and callers other than admin', async () => {
    const admin = await system.tokenFor('admin');
    const [creatinine] = await order(stay.encounterId, ['2160-0']);
    expect(codeOf(await system.gql(HL7, { m: 'not hl7' }, admin))).toBe('BAD_USER_INPUT');
    expect(codeOf(await system.gql(HL7, { m: oru(creatinine!, 'OBX|1|NM|2951-2^Sodium^LN||140|mmol/L|||||F') }, admin))).toBe('BAD_USER_INPUT');
    expect(codeOf(await system.gql(HL7, { m: oru(creatinine!, 'OBX|1|NM|2160-0^Creatinine^LN||1.0|mmol/L|||||F') }, admin))).toBe('BAD_USER_INPUT');
    expect(codeOf(await system.gql(HL7, { m: oru('12345', 'OBX|1|NM|2160-0^Creatinine^LN||1.0|mg/dL|||||F') }, admin))).toBe('BAD_USER_INPUT');
    expect(codeOf(await system.gql(HL7, { m: oru('00000000-0000-4000-8000-000000000000', 'OBX|1|NM|2160-0^Creatinine^LN||1.0|mg/dL|||||F') }, admin))).toBe('NOT_FOUND');
    const good = oru(creatinine!, 'OBX|1|NM|2160-0^Creatinine^LN||1.0|mg/dL|||||F');
    for (const who of ['doctor', 'ward_staff', 'pharmacist', 'finance'] as const) expect(codeOf(await system.gql(HL7, { m: good }, await system.tokenFor(who)))).toBe('FORBIDDEN');
    expect(codeOf(await system.gql(HL7, { m: good }))).toBe('UNAUTHENTICATED');
  });
});

const ROWS: RoleRow[] = [
  { name: 'query labTests', allowed: ['admin', 'doctor', 'ward_staff'], query: '{ labTests { loincCode } }' },
  {
    name: 'read Patient.labOrders',
    allowed: ['admin', 'doctor', 'ward_staff'],
    query: 'query($id: ID!) { patient(id: $id) { id labOrders { id result { flag } } } }',
    variables: () => ({ id: stay.patientId }),
  },
  {
    name: 'mutation orderLabTests',
    allowed: ['admin', 'doctor'],
    query: 'mutation($e: ID!) { orderLabTests(encounterId: $e, loincCodes: ["718-7"]) { id } }',
    variables: () => ({ e: visit.encounterId }),
  },
];

describe('clinical labs role table', () => {
  describeRoleTable(() => system, ROWS);

  // Each allowed caller enters a different pending item; refused callers never reach the service.
  it.each(['admin', 'doctor', 'ward_staff', 'pharmacist', 'finance', 'anonymous'] as const)('enterLabResult as %s', async (who) => {
    const token = who === 'anonymous' ? undefined : await system.tokenFor(who);
    const allowed = who === 'admin' || who === 'doctor' || who === 'ward_staff';
    const result = await system.gql(ENTER, { o: allowed ? takeFixture(orderPool) : visit.encounterId, v: 1, u: who === 'anonymous' ? 'x' : 'g/dL' }, token);
    const expected = { admin: undefined, doctor: undefined, ward_staff: undefined, pharmacist: 'FORBIDDEN', finance: 'FORBIDDEN', anonymous: 'UNAUTHENTICATED' }[who];
    expect(codeOf(result), JSON.stringify(result.errors)).toBe(expected);
  });
});
