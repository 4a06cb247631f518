/**
 * The ward subgraph over HTTP, as the router calls it, against the real ward and patients gRPC
 * services and the run's PostgreSQL database. The ward client is the real one, wrapped only to
 * count calls, so batching claims are measured, not assumed.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPatientsClient, createWardClient, type PatientsClient, type WardClient } from '@hospital/grpc-contracts';
import { startPatientsService } from '@hospital/patients-service';
import { startWardService } from '@hospital/ward-service';
import { signIdentity, type Caller } from '@hospital/service-kit';
import { callMetadata } from '@hospital/service-kit/grpc';
import { countCalls, subgraphTestBed, userCaller } from '@hospital/subgraph-kit/testing';
import { testDatabaseUrl } from '../../../test/helpers.ts';
import { startWardSubgraph } from './index.ts';
import { TEST_CALL_DEADLINE_MS } from '@hospital/service-kit/testing';

const bed = subgraphTestBed('ward-subgraph-test');
const { host: HOST, internalSecret, logger, gql } = bed;
const admin = userCaller('admin');
const staff = userCaller('ward_staff');
const doctor = userCaller('doctor');

let patients: PatientsClient;
let counter: ReturnType<typeof countCalls<WardClient>>;

beforeAll(async () => {
  const databaseUrl = testDatabaseUrl();
  const patientsService = bed.closeAfter(await startPatientsService({ port: 0, host: HOST, databaseUrl, internalSecret }, { logger }));
  const patientsTarget = `${HOST}:${patientsService.port}`;
  const wardService = bed.closeAfter(await startWardService({ port: 0, host: HOST, databaseUrl, internalSecret, patientsTarget }, { logger }));
  const wardTarget = `${HOST}:${wardService.port}`;
  const client = bed.closeAfter(createWardClient({ target: wardTarget, deadlineMs: TEST_CALL_DEADLINE_MS }));
  patients = bed.closeAfter(createPatientsClient({ target: patientsTarget, deadlineMs: TEST_CALL_DEADLINE_MS }));
  counter = countCalls(client);
  bed.serve(await startWardSubgraph({ port: 0, host: HOST, wardTarget, internalSecret, production: true }, { logger, client: counter.client }));
});

afterAll(() => bed.close());

async function ok<T>(caller: Caller, query: string, variables?: Record<string, unknown>): Promise<T> {
  const result = await gql<T>(caller, query, variables);
  expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
  return result.data!;
}

const code = () => `SG${randomUUID().replace(/-/g, '').slice(0, 10).toUpperCase()}`;

async function wardWithBeds(labels: string[]) {
  const { createWard } = await ok<{ createWard: { id: string; name: string } }>(admin, 'mutation($i: CreateWardInput!) { createWard(input: $i) { id name } }', {
    i: { name: `Ward ${code()}`, code: code() },
  });
  // The test's ward staff member works on every ward these tests create.
  await ok(admin, 'mutation($u: ID!, $w: ID!) { assignStaffToWard(userId: $u, wardId: $w) { id } }', { u: staff.kind === 'user' ? staff.userId : '', w: createWard.id });
  const beds: string[] = [];
  for (const label of labels) {
    const { addBed } = await ok<{ addBed: { id: string } }>(admin, 'mutation($i: AddBedInput!) { addBed(input: $i) { id } }', { i: { wardId: createWard.id, label } });
    beds.push(addBed.id);
  }
  return { ward: createWard, beds };
}

async function registerPatient(): Promise<string> {
  const metadata = callMetadata(signIdentity(doctor, internalSecret), randomUUID());
  const patient = await patients.registerPatient({ givenName: 'Sub', familyName: `Graph${code()}`, dateOfBirth: '1980-02-02' }, { metadata });
  return patient.id;
}

const ADMIT = 'mutation($i: AdmitPatientInput!) { admitPatient(input: $i) { id status patient { id } bed { label } ward { name } admittedBy { id } dischargedAt } }';
type Admitted = {
  admitPatient: { id: string; status: string; patient: { id: string }; bed: { label: string }; ward: { name: string }; admittedBy: { id: string }; dischargedAt: null };
};
const admit = async (patientId: string, bedId: string) => (await ok<Admitted>(staff, ADMIT, { i: { patientId, bedId, reason: 'Chest pain' } })).admitPatient;

describe('ward subgraph', () => {
  it('refuses requests without a valid router identity with 401 UNAUTHENTICATED', async () => {
    const missing = await gql(undefined, '{ wards { id } }');
    expect([missing.status, missing.errors?.[0]?.extensions?.['code']]).toEqual([401, 'UNAUTHENTICATED']);
  });

  it('admits and maps proto to GraphQL: references for patient and recorder, null for not-yet fields', async () => {
    const { ward, beds } = await wardWithBeds(['1']);
    const patientId = await registerPatient();
    const admission = await admit(patientId, beds[0]!);
    expect(admission).toMatchObject({
      status: 'ADMITTED',
      patient: { id: patientId },
      bed: { label: '1' },
      ward: { name: ward.name },
      admittedBy: { id: staff.kind === 'user' ? staff.userId : '' },
      dischargedAt: null,
    });
  });

  it('serves a bed board with occupants, their beds and wards from ONE call', async () => {
    const { ward, beds } = await wardWithBeds(['A', 'B', 'C']);
    await admit(await registerPatient(), beds[1]!);
    counter.reset();
    const data = await ok<{ bedBoard: { label: string; status: string; ward: { name: string }; occupant: { bed: { label: string }; ward: { id: string } } | null }[] }>(
      doctor,
      'query($w: ID!) { bedBoard(wardId: $w) { label status ward { name } occupant { bed { label } ward { id } } } }',
      { w: ward.id },
    );
    expect(data.bedBoard.map((b) => [b.label, b.status, b.occupant?.bed.label ?? null])).toEqual([
      ['A', 'FREE', null],
      ['B', 'OCCUPIED', 'B'],
      ['C', 'FREE', null],
    ]);
    expect(data.bedBoard[0]?.ward.name).toBe(ward.name);
    expect(Object.fromEntries(counter.calls)).toEqual({ getBedBoard: 1 });
  });

  it('resolves N patients’ current admission and history with exactly ONE GetPatientAdmissions call', async () => {
    const { beds } = await wardWithBeds(['1', '2', '3']);
    const ids = [await registerPatient(), await registerPatient(), await registerPatient()];
    const first = await admit(ids[0]!, beds[0]!);
    await ok(staff, 'mutation($a: ID!) { dischargePatient(admissionId: $a, summary: "Home") { id } }', { a: first.id });
    const again = await admit(ids[0]!, beds[0]!);
    const other = await admit(ids[1]!, beds[1]!);
    counter.reset();
    const r = ids.map((id) => ({ __typename: 'Patient', id }));
    const data = await ok<{ _entities: { id: string; currentAdmission: { id: string } | null; admissions: { id: string; status: string }[] }[] }>(
      doctor,
      'query($r: [_Any!]!) { _entities(representations: $r) { ... on Patient { id currentAdmission { id } admissions { id status } } } }',
      { r },
    );
    expect(data._entities.map((p) => p.currentAdmission?.id ?? null)).toEqual([again.id, other.id, null]);
    expect(data._entities[0]?.admissions).toEqual([
      { id: again.id, status: 'ADMITTED' },
      { id: first.id, status: 'DISCHARGED' },
    ]);
    expect(data._entities[2]?.admissions).toEqual([]);
    expect(Object.fromEntries(counter.calls)).toEqual({ getPatientAdmissions: 1 });
  });

  it('resolves N admission references with one GetAdmissions call, and refuses them to finance', async () => {
    const { beds } = await wardWithBeds(['1', '2']);
    const a = await admit(await registerPatient(), beds[0]!);
    const b = await admit(await registerPatient(), beds[1]!);
    const query = 'query($r: [_Any!]!) { _entities(representations: $r) { ... on Admission { id reason } } }';
    const r = [a.id, b.id, randomUUID()].map((id) => ({ __typename: 'Admission', id }));
    counter.reset();
    const data = await ok<{ _entities: ({ id: string } | null)[] }>(doctor, query, { r });
    expect(data._entities.map((e) => e?.id ?? null)).toEqual([a.id, b.id, null]);
    expect(Object.fromEntries(counter.calls)).toEqual({ getAdmissions: 1 });
    counter.reset();
    const refused = await gql(userCaller('finance'), query, { r });
    expect(refused.errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');
    expect(counter.calls.size).toBe(0);
  });

  it('gives ward staff of other wards nothing, through root fields and _entities alike', async () => {
    const { ward, beds } = await wardWithBeds(['1']);
    const admission = await admit(await registerPatient(), beds[0]!);
    const outsider = userCaller('ward_staff');
    const roots = await ok<{ ward: unknown; admission: unknown; admissions: { totalCount: number } }>(
      outsider,
      'query($w: ID!, $a: ID!) { ward(id: $w) { id } admission(id: $a) { id } admissions(wardId: $w) { totalCount } }',
      { w: ward.id, a: admission.id },
    );
    expect(roots).toEqual({ ward: null, admission: null, admissions: { totalCount: 0 } });
    const board = await gql(outsider, 'query($w: ID!) { bedBoard(wardId: $w) { id } }', { w: ward.id });
    expect(board.errors?.[0]?.extensions?.['code']).toBe('NOT_FOUND');
    const entities = await ok<{ _entities: unknown[] }>(outsider, 'query($r: [_Any!]!) { _entities(representations: $r) { ... on Admission { id reason } } }', {
      r: [{ __typename: 'Admission', id: admission.id }],
    });
    expect(entities._entities).toEqual([null]);
    // The assigned staff member and the admin see the same records, and the admin sees who works there.
    const mine = await ok<{ _entities: { id: string }[] }>(staff, 'query($r: [_Any!]!) { _entities(representations: $r) { ... on Admission { id } } }', {
      r: [{ __typename: 'Admission', id: admission.id }],
    });
    expect(mine._entities).toEqual([{ id: admission.id }]);
    const staffed = await ok<{ ward: { staff: { id: string }[] } }>(admin, 'query($w: ID!) { ward(id: $w) { staff { id } } }', { w: ward.id });
    expect(staffed.ward.staff).toEqual([{ id: staff.kind === 'user' ? staff.userId : '' }]);
  });

  it('lists wards with beds and occupancy in two calls', async () => {
    const { ward, beds } = await wardWithBeds(['1', '2']);
    await admit(await registerPatient(), beds[0]!);
    counter.reset();
    const data = await ok<{ wards: { id: string; beds: { label: string }[]; occupancy: { beds: number; occupied: number; free: number; rate: number } }[] }>(
      staff,
      '{ wards { id beds { label } occupancy { beds occupied free rate } } }',
    );
    const mine = data.wards.find((w) => w.id === ward.id);
    expect(mine).toEqual({ id: ward.id, beds: [{ label: '1' }, { label: '2' }], occupancy: { beds: 2, occupied: 1, free: 1, rate: 0.5 } });
    expect(Object.fromEntries(counter.calls)).toEqual({ listWards: 1, listBeds: 1 });
  });

  it('maps service errors: CONFLICT with its message, BAD_USER_INPUT with field, NOT_FOUND', async () => {
    const { ward, beds } = await wardWithBeds(['X1']);
    await admit(await registerPatient(), beds[0]!);
    const clash = await gql(staff, ADMIT, { i: { patientId: await registerPatient(), bedId: beds[0]!, reason: 'Fall' } });
    expect(clash.errors?.[0]).toMatchObject({ message: `Bed X1 on ${ward.name} is occupied.`, extensions: { code: 'CONFLICT' } });
    const blank = await gql(staff, ADMIT, { i: { patientId: await registerPatient(), bedId: beds[0]!, reason: '  ' } });
    expect(blank.errors?.[0]?.extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'reason' });
    const unknown = await gql(staff, 'mutation($a: ID!) { dischargePatient(admissionId: $a, summary: "x") { id } }', { a: randomUUID() });
    expect(unknown.errors?.[0]?.extensions).toEqual({ code: 'NOT_FOUND' });
  });

  it('refuses a mutation to a role without @auth before calling the service', async () => {
    counter.reset();
    const result = await gql(doctor, 'mutation { createWard(input: { name: "No", code: "NOPE" }) { id } }');
    expect(result.errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');
    expect(counter.calls.size).toBe(0);
  });
});
