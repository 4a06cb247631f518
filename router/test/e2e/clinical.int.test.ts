/**
 * The clinical department end to end, every hop real (router, subgraph, gRPC service, appointments
 * and ward services, PostgreSQL): a doctor opens a visit from a checked-in appointment, writes and
 * signs a note (signed notes are immutable, corrections are addenda), closes the visit (which
 * completes the appointment); two signs of one note race and exactly one wins.
 */
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { TestSystem } from '@hospital/test-support/system';
import { clinicalFixtures } from './clinical-fixtures.ts';
import { dataOf } from './ward-fixtures.ts';
import { systemForFile } from '../support/system-database.ts';

let system: TestSystem;
const fx = clinicalFixtures(() => system);
const doctor = () => system.tokenFor('doctor');
const codeOf = (result: { errors?: { extensions?: Record<string, unknown> }[] }) => result.errors?.[0]?.extensions?.['code'];

systemForFile((running) => (system = running));

const ENCOUNTER = 'id kind status patient { id } appointment { id } openedBy { id } closedAt notes { id text signed signedAt amends { id } author { id } }';

describe('a visit from a checked-in appointment', () => {
  it('opens once (a repeated or concurrent open answers the same encounter) and refuses an appointment not checked in', async () => {
    const { appointmentId, patientId } = await fx.checkedInAppointment();
    const open = async () =>
      system.gql<{ openVisit: { id: string; kind: string; status: string; patient: { id: string }; openedBy: { id: string } } }>(
        `mutation($a: ID!) { openVisit(appointmentId: $a) { ${ENCOUNTER} } }`,
        { a: appointmentId },
        await doctor(),
      );
    const [first, second] = await Promise.all([open(), open()]);
    const a = dataOf(first).openVisit;
    expect(a).toMatchObject({ kind: 'OUTPATIENT', status: 'OPEN', patient: { id: patientId }, openedBy: { id: system.accounts.doctor.id } });
    expect(dataOf(second).openVisit.id).toBe(a.id);
    expect(dataOf(await open()).openVisit.id).toBe(a.id);

    const scheduled = await fx.scheduledAppointment();
    const refused = await system.gql('mutation($a: ID!) { openVisit(appointmentId: $a) { id } }', { a: scheduled }, await doctor());
    expect(codeOf(refused), JSON.stringify(refused.errors)).toBe('CONFLICT');
    const unknown = await system.gql('mutation($a: ID!) { openVisit(appointmentId: $a) { id } }', { a: randomUUID() }, await doctor());
    expect(codeOf(unknown)).toBe('NOT_FOUND');
    const malformed = await system.gql('mutation($a: ID!) { openVisit(appointmentId: $a) { id } }', { a: 'not-a-uuid' }, await doctor());
    expect(codeOf(malformed)).toBe('BAD_USER_INPUT');
  });

  it('takes a draft, signs it, refuses to change it afterwards, and takes an addendum', async () => {
    const visit = await fx.visit();
    const noteId = await fx.draft(visit.encounterId, 'Cough for 3 days.');
    const revised = await system.gql('mutation($n: ID!) { reviseNote(noteId: $n, text: "Cough for 4 days.") { text signed } }', { n: noteId }, await doctor());
    expect(dataOf(revised)).toEqual({ reviseNote: { text: 'Cough for 4 days.', signed: false } });
    const signed = await system.gql('mutation($n: ID!) { signNote(noteId: $n) { signed signedAt } }', { n: noteId }, await doctor());
    expect(dataOf(signed)).toMatchObject({ signNote: { signed: true } });

    const late = await system.gql('mutation($n: ID!) { reviseNote(noteId: $n, text: "Changed.") { id } }', { n: noteId }, await doctor());
    expect(codeOf(late)).toBe('CONFLICT');
    const addendum = await system.gql<{ writeNote: { id: string; amends: { id: string } } }>(
      'mutation($e: ID!, $n: ID!) { writeNote(encounterId: $e, text: "Correction: 5 days.", amendsNoteId: $n) { id amends { id } } }',
      { e: visit.encounterId, n: noteId },
      await doctor(),
    );
    expect(dataOf(addendum).writeNote.amends.id).toBe(noteId);
    const blank = await system.gql('mutation($e: ID!) { writeNote(encounterId: $e, text: "   ") { id } }', { e: visit.encounterId }, await doctor());
    expect(codeOf(blank)).toBe('BAD_USER_INPUT');

    const read = await system.gql<{ encounter: { notes: { id: string; text: string; signed: boolean }[] } }>(
      `query($id: ID!) { encounter(id: $id) { ${ENCOUNTER} } }`,
      { id: visit.encounterId },
      await doctor(),
    );
    expect(dataOf(read).encounter.notes.map((n) => [n.text, n.signed])).toEqual([
      ['Cough for 4 days.', true],
      ['Correction: 5 days.', false],
    ]);
  });

  it('lets only the author sign: another user gets the NOT_FOUND of an unknown note', async () => {
    const visit = await fx.visit();
    const noteId = await fx.draft(visit.encounterId);
    const asAdmin = await system.gql('mutation($n: ID!) { signNote(noteId: $n) { id } }', { n: noteId }, await system.tokenFor('admin'));
    expect(codeOf(asAdmin)).toBe('NOT_FOUND');
  });

  it('signs exactly once when two signs of the same note race', async () => {
    const visit = await fx.visit();
    const notes = await Promise.all(Array.from({ length: 5 }, () => fx.draft(visit.encounterId)));
    const token = await doctor();
    for (const noteId of notes) {
      const sign = () => system.gql('mutation($n: ID!) { signNote(noteId: $n) { id signed } }', { n: noteId }, token);
      const results = await Promise.all([sign(), sign()]);
      expect(results.filter((r) => !r.errors).length).toBe(1);
      expect(results.map(codeOf).filter(Boolean)).toEqual(['CONFLICT']);
    }
  });

  it('closes the visit, completing its appointment; then takes addenda only', async () => {
    const visit = await fx.visit();
    const noteId = await fx.draft(visit.encounterId);
    dataOf(await system.gql('mutation($n: ID!) { signNote(noteId: $n) { id } }', { n: noteId }, await doctor()));
    const closed = await system.gql<{ closeEncounter: { status: string; closedAt: string | null } }>(
      'mutation($e: ID!) { closeEncounter(encounterId: $e) { status closedAt } }',
      { e: visit.encounterId },
      await doctor(),
    );
    expect(dataOf(closed).closeEncounter.status).toBe('CLOSED');
    const appointment = await system.gql<{ appointment: { status: string } }>('query($id: ID!) { appointment(id: $id) { status } }', { id: visit.appointmentId }, await doctor());
    expect(dataOf(appointment).appointment.status).toBe('COMPLETED');

    const again = await system.gql('mutation($e: ID!) { closeEncounter(encounterId: $e) { id } }', { e: visit.encounterId }, await doctor());
    expect(codeOf(again)).toBe('CONFLICT');
    const fresh = await system.gql('mutation($e: ID!) { writeNote(encounterId: $e, text: "Late entry.") { id } }', { e: visit.encounterId }, await doctor());
    expect(codeOf(fresh)).toBe('CONFLICT');
    const addendum = await system.gql(
      'mutation($e: ID!, $n: ID!) { writeNote(encounterId: $e, text: "Addendum.", amendsNoteId: $n) { id } }',
      { e: visit.encounterId, n: noteId },
      await doctor(),
    );
    dataOf(addendum);
    // The patient's record lists the visit.
    const record = await system.gql<{ patient: { encounters: { id: string }[] } }>(
      'query($id: ID!) { patient(id: $id) { encounters { id } } }',
      { id: visit.patientId },
      await doctor(),
    );
    expect(dataOf(record).patient.encounters.map((e) => e.id)).toEqual([visit.encounterId]);
  });
});

describe('an inpatient stay', () => {
  it('opens from an active admission and closes only after discharge', async () => {
    const { admissionId } = await fx.admitted();
    const opened = await system.gql<{ openStay: { id: string; kind: string; admission: { id: string } } }>(
      'mutation($a: ID!) { openStay(admissionId: $a) { id kind admission { id } } }',
      { a: admissionId },
      await doctor(),
    );
    const stay = dataOf(opened).openStay;
    expect(stay).toMatchObject({ kind: 'INPATIENT', admission: { id: admissionId } });
    const early = await system.gql('mutation($e: ID!) { closeEncounter(encounterId: $e) { id } }', { e: stay.id }, await doctor());
    expect(codeOf(early)).toBe('CONFLICT');
    dataOf(await system.gql('mutation($a: ID!) { dischargePatient(admissionId: $a, summary: "Home.") { id } }', { a: admissionId }, await doctor()));
    const closed = await system.gql<{ closeEncounter: { status: string } }>('mutation($e: ID!) { closeEncounter(encounterId: $e) { status } }', { e: stay.id }, await doctor());
    expect(dataOf(closed).closeEncounter.status).toBe('CLOSED');
  });
});

describe('the problem list', () => {
  const ADD = 'mutation($e: ID!, $c: String!, $o: Date) { addProblem(encounterId: $e, icd10Code: $c, onsetDate: $o) { id active onsetDate code { code description } } }';

  it('records ICD-10-coded diagnoses from the shipped list, and refuses codes and dates that are not', async () => {
    const visit = await fx.visit();
    const added = await system.gql<{ addProblem: { id: string; active: boolean; code: { code: string; description: string } } }>(
      ADD,
      { e: visit.encounterId, c: 'j189', o: '2026-11-30' },
      await doctor(),
    );
    expect(dataOf(added).addProblem).toMatchObject({ active: true, onsetDate: '2026-11-30', code: { code: 'J18.9', description: 'Pneumonia, unspecified organism' } });
    expect(codeOf(await system.gql(ADD, { e: visit.encounterId, c: 'X99.99' }, await doctor()))).toBe('BAD_USER_INPUT');
    expect(codeOf(await system.gql(ADD, { e: visit.encounterId, c: 'I10', o: '2999-01-01' }, await doctor()))).toBe('BAD_USER_INPUT');
    expect(codeOf(await system.gql(ADD, { e: randomUUID(), c: 'I10' }, await doctor()))).toBe('NOT_FOUND');

    const search = await system.gql<{ icd10Codes: { code: string }[] }>('{ icd10Codes(search: "hypertension") { code description } }', {}, await doctor());
    expect(dataOf(search).icd10Codes.map((c) => c.code)).toEqual(['I10']);
  });

  it('resolves a problem once (of two concurrent resolutions one wins), never before its onset, and keeps it on the list', async () => {
    const visit = await fx.visit();
    const { addProblem } = dataOf(await system.gql<{ addProblem: { id: string } }>(ADD, { e: visit.encounterId, c: 'I10', o: '2026-01-10' }, await doctor()));
    const resolve = async (date: string) =>
      system.gql('mutation($p: ID!, $d: Date!) { resolveProblem(problemId: $p, resolvedDate: $d) { active resolvedDate } }', { p: addProblem.id, d: date }, await doctor());
    expect(codeOf(await resolve('2025-12-31'))).toBe('BAD_USER_INPUT');
    const results = await Promise.all([resolve('2026-02-01'), resolve('2026-02-01')]);
    expect(results.filter((r) => !r.errors).length).toBe(1);
    expect(results.map(codeOf).filter(Boolean)).toEqual(['CONFLICT']);
    const list = await system.gql<{ patient: { problems: { active: boolean; resolvedDate: string | null; code: { code: string } }[] } }>(
      'query($id: ID!) { patient(id: $id) { problems { active resolvedDate code { code } } } }',
      { id: visit.patientId },
      await doctor(),
    );
    expect(dataOf(list).patient.problems).toEqual([{ active: false, resolvedDate: '2026-02-01', code: { code: 'I10' } }]);
  });
});
