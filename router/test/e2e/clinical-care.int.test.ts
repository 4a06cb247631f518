/**
 * The clinical record needs a care relationship (issue 18), end to end through the router: a
 * doctor with no appointment with the patient is refused every read (encounter, notes, vital signs,
 * problems, lab orders) and every write with FORBIDDEN and a message saying why, each refusal a
 * denied audit row; booked and checked in, the same doctor reads it all; the author of an
 * encounter keeps it; ward staff of another ward are refused; the `labResultEvents(patientId)`
 * subscription applies the same rule.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPrismaClient, type PrismaClient } from '@hospital/db';
import { waitForAuditSeal } from '@hospital/db/testing';
import { testDatabaseUrl, until } from '../../../test/helpers.ts';
import type { GraphQLResponse, TestSystem } from '@hospital/test-support/system';
import { routerWsClient } from '../support/router-ws-client.ts';
import { socketsOnSystem } from '../support/socket-system.ts';
import { clinicalFixtures, type SeededVisit } from './clinical-fixtures.ts';
import { extraAccount } from './account-fixtures.ts';
import { dataOf } from './ward-fixtures.ts';

let system: TestSystem;
let db: PrismaClient;
const fx = clinicalFixtures(() => system);
const { clients } = socketsOnSystem((started) => (system = started));
const codeOf = (result: GraphQLResponse<unknown>) => result.errors?.[0]?.extensions?.['code'];
const messageOf = (result: GraphQLResponse<unknown>) => result.errors?.[0]?.message;

const CALM = { respiratoryRate: 16, spo2Percent: 97, onOxygen: false, systolicMmhg: 120, diastolicMmhg: 80, pulseBpm: 70, consciousness: 'ALERT', temperatureC: 37.0 };

/** Each kind of read of the record, with the audited service method behind it (notes are reached only through their encounter). */
const READS = {
  encounter: { query: 'query($id: ID!) { encounter(id: $id) { id } }', action: 'ClinicalService.GetEncounters', byEncounter: true },
  encounters: { query: 'query($id: ID!) { patient(id: $id) { id encounters { id } } }', action: 'ClinicalService.GetPatientEncounters', byEncounter: false },
  vitalSigns: { query: 'query($id: ID!) { patient(id: $id) { id vitalSigns { id } } }', action: 'ClinicalService.GetPatientVitals', byEncounter: false },
  problems: { query: 'query($id: ID!) { patient(id: $id) { id problems { id } } }', action: 'ClinicalService.GetPatientProblems', byEncounter: false },
  labOrders: { query: 'query($id: ID!) { patient(id: $id) { id labOrders { id } } }', action: 'ClinicalService.GetPatientLabOrders', byEncounter: false },
} as const;

/** A fresh account of a role, created by the admin, signed in. */
const account = (role: 'DOCTOR' | 'WARD_STAFF') => extraAccount(system, role, `Dr Stranger ${role}`);

/**
 * Books the doctor an appointment with the patient `daysAhead` days from now and checks it in.
 * @returns the appointment id
 */
async function seePatient(token: string, patientId: string, daysAhead: number, checkIn = true): Promise<string> {
  const startsAt = new Date(Date.now() + daysAhead * 86_400_000);
  const booked = await system.gql<{ bookAppointment: { id: string } }>(
    'mutation($i: BookAppointmentInput!) { bookAppointment(input: $i) { id } }',
    { i: { patientId, startsAt: startsAt.toISOString(), endsAt: new Date(startsAt.getTime() + 1_800_000).toISOString() } },
    token,
  );
  const id = dataOf(booked).bookAppointment.id;
  if (checkIn) dataOf(await system.gql('mutation($id: ID!) { checkInAppointment(id: $id) { id } }', { id }, await system.tokenFor('ward_staff')));
  return id;
}

/**
 * The clinical service's denied rows for one actor and patient: [action, reason], sorted (the ward
 * department adds its own for the admissions it withheld from the caller when asked on their behalf).
 */
async function deniedRows(patientId: string, actorId: string): Promise<string[][]> {
  await waitForAuditSeal(db);
  const rows = await db.accessRecord.findMany({ where: { patientId, actorId, outcome: 'denied', action: { startsWith: 'ClinicalService.' } } });
  return rows.map((r) => [r.action, r.reason ?? '']).sort();
}

let visit: SeededVisit;

beforeAll(async () => {
  db = createPrismaClient(testDatabaseUrl(), { poolSize: 1 });
  // The system's doctor sees the patient: a visit with a note, a set of vitals, a problem, a lab order.
  visit = await fx.visit();
  const doctor = await system.tokenFor('doctor');
  await fx.draft(visit.encounterId, 'Cough for a week.');
  dataOf(await system.gql('mutation($p: ID!, $v: VitalSignsInput!) { recordVitals(patientId: $p, vitals: $v) { id } }', { p: visit.patientId, v: CALM }, doctor));
  dataOf(await system.gql('mutation($e: ID!) { addProblem(encounterId: $e, icd10Code: "J20.9") { id } }', { e: visit.encounterId }, doctor));
  dataOf(await system.gql('mutation($e: ID!) { orderLabTests(encounterId: $e, loincCodes: ["718-7"]) { id } }', { e: visit.encounterId }, doctor));
}, 120_000);
afterAll(async () => {
  await db?.$disconnect();
});

describe('a doctor with no care relationship', () => {
  it.each(Object.entries(READS))('is refused %s with FORBIDDEN and a reason, audited as a denied read', async (_kind, read) => {
    const stranger = await account('DOCTOR');
    const refused = await system.gql(read.query, { id: read.byEncounter ? visit.encounterId : visit.patientId }, stranger.token);
    expect(codeOf(refused)).toBe('FORBIDDEN');
    expect(messageOf(refused)).toMatch(/no care relationship with this patient/);
    expect(await deniedRows(visit.patientId, stranger.id)).toEqual([[read.action, 'FORBIDDEN']]);
  });

  it('is refused every write: a note, vital signs, a diagnosis, a lab order, closing the visit', async () => {
    const stranger = await account('DOCTOR');
    const writes = [
      ['mutation($e: ID!) { writeNote(encounterId: $e, text: "Not my patient.") { id } }', { e: visit.encounterId }],
      ['mutation($p: ID!, $v: VitalSignsInput!) { recordVitals(patientId: $p, vitals: $v) { id } }', { p: visit.patientId, v: CALM }],
      ['mutation($e: ID!) { addProblem(encounterId: $e, icd10Code: "I10") { id } }', { e: visit.encounterId }],
      ['mutation($e: ID!) { orderLabTests(encounterId: $e, loincCodes: ["2823-3"]) { id } }', { e: visit.encounterId }],
      ['mutation($e: ID!) { closeEncounter(encounterId: $e) { id } }', { e: visit.encounterId }],
    ] as const;
    for (const [query, variables] of writes) expect(codeOf(await system.gql(query, variables, stranger.token)), query).toBe('FORBIDDEN');
    expect((await deniedRows(visit.patientId, stranger.id)).map(([action]) => action)).toEqual([
      'ClinicalService.AddProblem',
      'ClinicalService.CloseEncounter',
      'ClinicalService.OrderLabTests',
      'ClinicalService.RecordVitals',
      'ClinicalService.WriteNote',
    ]);
  });

  it('reads and charts it all once booked and checked in with the patient; a cancelled booking was no relationship', async () => {
    const stranger = await account('DOCTOR');
    const booked = await seePatient(stranger.token, visit.patientId, 9, false);
    dataOf(await system.gql('mutation($id: ID!) { cancelAppointment(id: $id, reason: "Booked by mistake") { id } }', { id: booked }, stranger.token));
    expect(codeOf(await system.gql(READS.encounters.query, { id: visit.patientId }, stranger.token))).toBe('FORBIDDEN');

    await seePatient(stranger.token, visit.patientId, 10);
    const chart = dataOf(
      await system.gql<{ patient: { encounters: { id: string; notes: { text: string }[] }[]; vitalSigns: unknown[]; problems: unknown[]; labOrders: unknown[] } }>(
        'query($id: ID!) { patient(id: $id) { encounters { id notes { text } } vitalSigns { id } problems { id } labOrders { id } } }',
        { id: visit.patientId },
        stranger.token,
      ),
    ).patient;
    expect(chart.encounters.map((e) => e.id)).toContain(visit.encounterId);
    expect(chart.encounters.find((e) => e.id === visit.encounterId)!.notes.map((n) => n.text)).toEqual(['Cough for a week.']);
    expect([chart.vitalSigns.length, chart.problems.length, chart.labOrders.length]).toEqual([1, 1, 1]);
    dataOf(await system.gql('mutation($p: ID!, $v: VitalSignsInput!) { recordVitals(patientId: $p, vitals: $v) { id } }', { p: visit.patientId, v: CALM }, stranger.token));
  });

  it("cannot follow the patient's lab results live, and can once they see the patient", async () => {
    const stranger = await account('DOCTOR');
    const LAB = 'subscription($p: ID) { labResultEvents(patientId: $p) { id } }';
    const refused = routerWsClient(system.routerUrl, stranger.token);
    clients.push(refused);
    const ended = await new Promise<unknown>((resolve) => {
      refused.subscribe({ query: LAB, variables: { p: visit.patientId } }, { next: (r) => resolve(r), error: (e) => resolve(e), complete: () => resolve('complete') });
    });
    expect(JSON.stringify(ended)).toContain('"code":"FORBIDDEN"');

    await seePatient(stranger.token, visit.patientId, 11);
    const before = system.activeSubscriptions('clinical');
    const allowed = routerWsClient(system.routerUrl, stranger.token);
    clients.push(allowed);
    let answer: unknown;
    allowed.subscribe({ query: LAB, variables: { p: visit.patientId } }, { next: (r) => (answer = r), error: (e) => (answer = e), complete: () => (answer = 'complete') });
    await until(() => system.activeSubscriptions('clinical') > before);
    expect(answer).toBeUndefined();
  });
});

describe('the author of a record, and ward staff', () => {
  it('the doctor who opened a stay keeps reading it; ward staff of another ward are refused the patient', async () => {
    // The system's doctor opens a stay of an admitted patient they see (checked in).
    const admitted = await fx.admitted();
    const doctor = await system.tokenFor('doctor');
    const stay = dataOf(await system.gql<{ openStay: { id: string } }>('mutation($a: ID!) { openStay(admissionId: $a) { id } }', { a: admitted.admissionId }, doctor)).openStay.id;
    expect(dataOf(await system.gql<{ encounter: { id: string } }>(READS.encounter.query, { id: stay }, doctor)).encounter.id).toBe(stay);

    // The system's ward staff works on the patient's ward; a nurse of another ward does not.
    const nurse = await system.tokenFor('ward_staff');
    dataOf(await system.gql(READS.vitalSigns.query, { id: admitted.patientId }, nurse));
    const elsewhere = await account('WARD_STAFF');
    for (const read of [READS.vitalSigns, READS.labOrders]) {
      const refused = await system.gql(read.query, { id: admitted.patientId }, elsewhere.token);
      expect(codeOf(refused)).toBe('FORBIDDEN');
    }
    expect(
      codeOf(await system.gql('mutation($p: ID!, $v: VitalSignsInput!) { recordVitals(patientId: $p, vitals: $v) { id } }', { p: admitted.patientId, v: CALM }, elsewhere.token)),
    ).toBe('FORBIDDEN');
    expect(await deniedRows(admitted.patientId, elsewhere.id)).toEqual([
      ['ClinicalService.GetPatientLabOrders', 'FORBIDDEN'],
      ['ClinicalService.GetPatientVitals', 'FORBIDDEN'],
      ['ClinicalService.RecordVitals', 'FORBIDDEN'],
    ]);
  });
});
