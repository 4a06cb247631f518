/**
 * Ward end to end through the router: bed boards and occupancy, admissions resolved across
 * subgraphs (patient from patients, recorder from identity), transfers and discharges with their
 * illegal transitions, and the database guarantees under truly parallel requests.
 */
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import type { GraphQLResponse, TestSystem } from '@hospital/test-support/system';
import { dataOf, wardFixtures } from './ward-fixtures.ts';
import { systemForFile } from '../support/system-database.ts';

let system: TestSystem;
let staff: string;
let doctor: string;
const seed = wardFixtures(() => system);

systemForFile((running) => (system = running), { production: true });
beforeAll(async () => {
  [staff, doctor] = await Promise.all([system.tokenFor('ward_staff'), system.tokenFor('doctor')]);
});

const TRANSFER =
  'mutation($a: ID!, $w: ID!, $b: ID!) { transferPatient(admissionId: $a, wardId: $w, bedId: $b) { id status bed { id label } transfers { fromBed { label } toBed { label } by { id } } } }';
const DISCHARGE = 'mutation($a: ID!, $s: String!) { dischargePatient(admissionId: $a, summary: $s) { id status dischargedAt dischargeSummary dischargedBy { id } } }';
const codeOf = (result: GraphQLResponse<unknown>) => result.errors?.[0]?.extensions?.['code'];

describe('bed board and occupancy', () => {
  it('shows every bed with its occupant, whose patient the patients subgraph resolves', async () => {
    const ward = await seed.ward(['1', '2', '3']);
    const patientId = await seed.patient();
    await seed.admit(patientId, ward.beds[1]!);
    type Board = {
      bedBoard: { label: string; status: string; occupant: { patient: { id: string; fullName: string; mrn: string }; admittedBy: { id: string; displayName: string } } | null }[];
    };
    const { bedBoard } = dataOf(
      await system.gql<Board>(
        'query($w: ID!) { bedBoard(wardId: $w) { label status occupant { patient { id fullName mrn } admittedBy { id displayName } } } }',
        { w: ward.id },
        doctor,
      ),
    );
    expect(bedBoard.map((b) => [b.label, b.status])).toEqual([
      ['1', 'FREE'],
      ['2', 'OCCUPIED'],
      ['3', 'FREE'],
    ]);
    expect(bedBoard[1]?.occupant?.patient).toMatchObject({ id: patientId, fullName: expect.stringMatching(/^Wren Wardtest/), mrn: expect.stringMatching(/^MRN-/) });
    expect(bedBoard[1]?.occupant?.admittedBy).toEqual({ id: system.accounts.ward_staff.id, displayName: 'Test ward_staff' });

    const { occupancy } = dataOf(
      await system.gql<{ occupancy: { ward: { id: string }; beds: number; occupied: number; free: number; rate: number }[] }>(
        '{ occupancy { ward { id } beds occupied free rate } }',
        {},
        staff,
      ),
    );
    expect(occupancy.find((o) => o.ward.id === ward.id)).toEqual({ ward: { id: ward.id }, beds: 3, occupied: 1, free: 2, rate: 0.3333 });
  });

  it('answers NOT_FOUND for the board of an unknown ward and null for an unknown ward or admission', async () => {
    expect(codeOf(await system.gql('query($w: ID!) { bedBoard(wardId: $w) { id } }', { w: randomUUID() }, doctor))).toBe('NOT_FOUND');
    const unknown = await system.gql('query($id: ID!) { ward(id: $id) { id } admission(id: $id) { id } }', { id: randomUUID() }, doctor);
    expect(dataOf(unknown)).toEqual({ ward: null, admission: null });
  });
});

describe('admissions across subgraphs', () => {
  it('gives a patient a current admission and a history, newest first', async () => {
    const ward = await seed.ward(['A', 'B']);
    const patientId = await seed.patient();
    const first = await seed.admit(patientId, ward.beds[0]!);
    dataOf(await system.gql(DISCHARGE, { a: first.id, s: 'Discharged home with follow-up.' }, doctor));
    const second = await seed.admit(patientId, ward.beds[1]!);
    type Read = { patient: { fullName: string; currentAdmission: { id: string; bed: { label: string }; ward: { name: string } }; admissions: { id: string; status: string }[] } };
    const { patient } = dataOf(
      await system.gql<Read>(
        'query($id: ID!) { patient(id: $id) { fullName currentAdmission { id bed { label } ward { name } } admissions { id status } } }',
        { id: patientId },
        staff,
      ),
    );
    expect(patient.currentAdmission).toEqual({ id: second.id, bed: { label: 'B' }, ward: { name: ward.name } });
    expect(patient.admissions).toEqual([
      { id: second.id, status: 'ADMITTED' },
      { id: first.id, status: 'DISCHARGED' },
    ]);
  });

  it('refuses unknown and archived patients, unknown beds, and blank reasons', async () => {
    const ward = await seed.ward(['1']);
    expect(codeOf(await seed.admitRaw(randomUUID(), ward.beds[0]!))).toBe('NOT_FOUND');
    expect(codeOf(await seed.admitRaw(await seed.patient(), randomUUID()))).toBe('NOT_FOUND');
    const archived = await seed.patient();
    dataOf(await system.gql('mutation($id: ID!) { archivePatient(id: $id) { id } }', { id: archived }, await system.tokenFor('admin')));
    const refused = await seed.admitRaw(archived, ward.beds[0]!);
    expect(refused.errors?.[0]?.extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'patientId' });
    const blank = await system.gql(
      'mutation($i: AdmitPatientInput!) { admitPatient(input: $i) { id } }',
      { i: { patientId: await seed.patient(), bedId: ward.beds[0]!, reason: ' ' } },
      staff,
    );
    expect(blank.errors?.[0]?.extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'reason' });
  });
});

describe('transfers and discharges', () => {
  it('refuses a transfer whose bed is not on the ward it names (BAD_USER_INPUT, bedId), leaving the patient where they were', async () => {
    const [medicine, surgery] = [await seed.ward(['M1', 'M2']), await seed.ward(['S1'])];
    const admission = await seed.admit(await seed.patient(), medicine.beds[0]!);
    const wrong = await system.gql(TRANSFER, { a: admission.id, w: surgery.id, b: medicine.beds[1]! }, staff);
    expect(wrong.errors?.[0]?.extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'bedId' });
    const where = dataOf(await system.gql<{ admission: { bed: { id: string } } }>('query($id: ID!) { admission(id: $id) { bed { id } } }', { id: admission.id }, staff));
    expect(where.admission.bed.id).toBe(medicine.beds[0]);
    const missing = await system.gql('mutation($a: ID!, $b: ID!) { transferPatient(admissionId: $a, bedId: $b) { id } }', { a: admission.id, b: surgery.beds[0]! }, staff);
    expect(codeOf(missing)).toMatch(/GRAPHQL_VALIDATION_FAILED|BAD_USER_INPUT/);
  });

  it('transfers with history, then refuses illegal transitions with BAD_USER_INPUT', async () => {
    const ward = await seed.ward(['1', '2', '3']);
    const admission = await seed.admit(await seed.patient(), ward.beds[0]!);
    type Moved = { transferPatient: { status: string; bed: { label: string }; transfers: { fromBed: { label: string }; toBed: { label: string }; by: { id: string } }[] } };
    const moved = dataOf(await system.gql<Moved>(TRANSFER, { a: admission.id, w: ward.id, b: ward.beds[1]! }, staff)).transferPatient;
    expect(moved).toMatchObject({
      status: 'ADMITTED',
      bed: { label: '2' },
      transfers: [{ fromBed: { label: '1' }, toBed: { label: '2' }, by: { id: system.accounts.ward_staff.id } }],
    });

    const same = await system.gql(TRANSFER, { a: admission.id, w: ward.id, b: ward.beds[1]! }, staff);
    expect(same.errors?.[0]?.extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'bedId' });
    expect(codeOf(await system.gql(TRANSFER, { a: randomUUID(), w: ward.id, b: ward.beds[2]! }, staff))).toBe('NOT_FOUND');
    expect(codeOf(await system.gql(TRANSFER, { a: admission.id, w: ward.id, b: randomUUID() }, staff))).toBe('NOT_FOUND');

    const blank = await system.gql(DISCHARGE, { a: admission.id, s: '   ' }, doctor);
    expect(blank.errors?.[0]?.extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'summary' });
    type Out = { dischargePatient: { status: string; dischargedAt: string; dischargeSummary: string; dischargedBy: { id: string } } };
    const out = dataOf(await system.gql<Out>(DISCHARGE, { a: admission.id, s: 'Stable; home.' }, doctor)).dischargePatient;
    expect(out).toMatchObject({ status: 'DISCHARGED', dischargeSummary: 'Stable; home.', dischargedBy: { id: system.accounts.doctor.id } });
    expect(out.dischargedAt).toMatch(/Z$/);

    const twice = await system.gql(DISCHARGE, { a: admission.id, s: 'Again' }, doctor);
    expect(twice.errors?.[0]?.extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'admissionId' });
    const late = await system.gql(TRANSFER, { a: admission.id, w: ward.id, b: ward.beds[2]! }, staff);
    expect(late.errors?.[0]?.extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'admissionId' });
    expect(codeOf(await system.gql(DISCHARGE, { a: randomUUID(), s: 'x' }, doctor))).toBe('NOT_FOUND');
  });

  it('pages a ward’s admissions, caps the page and rejects bad paging', async () => {
    const ward = await seed.ward(['1', '2', '3']);
    const ids = [];
    for (const bed of ward.beds) ids.push((await seed.admit(await seed.patient(), bed)).id);
    const LIST =
      'query($w: ID, $s: AdmissionStatus, $f: Int, $a: String) { admissions(wardId: $w, status: $s, first: $f, after: $a) { totalCount pageInfo { hasNextPage endCursor } edges { node { id } } } }';
    type Page = { admissions: { totalCount: number; pageInfo: { hasNextPage: boolean; endCursor: string | null }; edges: { node: { id: string } }[] } };
    const first = dataOf(await system.gql<Page>(LIST, { w: ward.id, s: 'ADMITTED', f: 2 }, doctor)).admissions;
    const rest = dataOf(await system.gql<Page>(LIST, { w: ward.id, s: 'ADMITTED', f: 2, a: first.pageInfo.endCursor }, doctor)).admissions;
    expect(first.totalCount).toBe(3);
    expect([...first.edges, ...rest.edges].map((e) => e.node.id)).toEqual([...ids].reverse());
    expect(rest.pageInfo.hasNextPage).toBe(false);
    const big = dataOf(await system.gql<Page>(LIST, { f: 100_000 }, doctor)).admissions;
    expect(big.edges.length).toBeLessThanOrEqual(100);
    expect(codeOf(await system.gql(LIST, { f: -1 }, doctor))).toBe('BAD_USER_INPUT');
    expect(codeOf(await system.gql(LIST, { a: 'not-a-cursor' }, doctor))).toBe('BAD_USER_INPUT');
  });
});

describe('database guarantees under truly parallel requests through the router', () => {
  it('admits exactly one of 10 different patients racing for one bed', async () => {
    const ward = await seed.ward(['B-12']);
    const patients = await Promise.all(Array.from({ length: 10 }, () => seed.patient()));
    // Every request is sent before any answer is awaited.
    const results = await Promise.all(patients.map((patientId) => seed.admitRaw(patientId, ward.beds[0]!)));
    const won = results.filter((r) => !r.errors);
    expect(won).toHaveLength(1);
    for (const lost of results.filter((r) => r.errors)) {
      expect(lost.errors?.[0]).toMatchObject({ message: `Bed B-12 on ${ward.name} is occupied.`, extensions: { code: 'CONFLICT' } });
      expect(lost.data ?? null).toBeNull();
    }
  });

  it('admits one patient racing into two beds exactly once', async () => {
    const ward = await seed.ward(['L', 'R']);
    const patientId = await seed.patient();
    const results = await Promise.all([seed.admitRaw(patientId, ward.beds[0]!), seed.admitRaw(patientId, ward.beds[1]!)]);
    const won = results.filter((r) => !r.errors);
    expect(won).toHaveLength(1);
    const where = won[0]!.data!.admitPatient.bed.id === ward.beds[0] ? 'L' : 'R';
    expect(results.find((r) => r.errors)?.errors?.[0]).toMatchObject({ message: `Patient already admitted to ${ward.name}, bed ${where}.`, extensions: { code: 'CONFLICT' } });
  });

  it('lets a transfer and an admission racing into one bed never both win', async () => {
    for (let round = 0; round < 3; round++) {
      const ward = await seed.ward(['FROM', 'TO']);
      const [moving, arriving] = await Promise.all([seed.patient(), seed.patient()]);
      const admission = await seed.admit(moving, ward.beds[0]!);
      const results = await Promise.all([system.gql(TRANSFER, { a: admission.id, w: ward.id, b: ward.beds[1]! }, staff), seed.admitRaw(arriving, ward.beds[1]!)]);
      expect(results.filter((r) => !r.errors)).toHaveLength(1);
      expect(results.find((r) => r.errors)?.errors?.[0]).toMatchObject({ message: `Bed TO on ${ward.name} is occupied.`, extensions: { code: 'CONFLICT' } });
      const board = dataOf(
        await system.gql<{ bedBoard: { label: string; occupant: { patient: { id: string } } | null }[] }>(
          'query($w: ID!) { bedBoard(wardId: $w) { label occupant { patient { id } } } }',
          { w: ward.id },
          doctor,
        ),
      );
      const inTo = board.bedBoard.find((b) => b.label === 'TO')?.occupant?.patient.id;
      expect([moving, arriving]).toContain(inTo);
    }
  });
});
