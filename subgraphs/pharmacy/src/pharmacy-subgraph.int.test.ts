/**
 * The pharmacy subgraph over HTTP, as the router calls it, against the real pharmacy and
 * patients gRPC services and the run's PostgreSQL database. The pharmacy client is the real one,
 * wrapped only to count calls.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPatientsClient, createPharmacyClient } from '@hospital/grpc-contracts';
import { startPatientsService } from '@hospital/patients-service';
import { startPharmacyService } from '@hospital/pharmacy-service';
import { signIdentity } from '@hospital/service-kit';
import { callMetadata } from '@hospital/service-kit/grpc';
import { countCalls, subgraphTestBed, userCaller } from '@hospital/subgraph-kit/testing';
import { testDatabaseUrl } from '../../../test/helpers.ts';
import { startPharmacySubgraph } from './index.ts';
import { TEST_CALL_DEADLINE_MS } from '@hospital/service-kit/testing';

const bed = subgraphTestBed('pharmacy-subgraph-test');
const { host: HOST, internalSecret, logger, gql } = bed;
const doctor = userCaller('doctor');
const pharmacist = userCaller('pharmacist');
const nurse = userCaller('ward_staff');

let counter: ReturnType<typeof countCalls<ReturnType<typeof createPharmacyClient>>>;
let patients: ReturnType<typeof createPatientsClient>;

beforeAll(async () => {
  const patientsService = bed.closeAfter(await startPatientsService({ port: 0, host: HOST, databaseUrl: testDatabaseUrl(), internalSecret }, { logger }));
  const service = bed.closeAfter(
    await startPharmacyService({ port: 0, host: HOST, databaseUrl: testDatabaseUrl(), internalSecret, patientsTarget: `${HOST}:${patientsService.port}` }, { logger }),
  );
  const client = bed.closeAfter(createPharmacyClient({ target: `${HOST}:${service.port}`, deadlineMs: TEST_CALL_DEADLINE_MS }));
  patients = bed.closeAfter(createPatientsClient({ target: `${HOST}:${patientsService.port}`, deadlineMs: TEST_CALL_DEADLINE_MS }));
  counter = countCalls(client);
  bed.serve(await startPharmacySubgraph({ port: 0, host: HOST, pharmacyTarget: `${HOST}:${service.port}`, internalSecret, production: true }, { logger, client: counter.client }));
});

afterAll(() => bed.close());

const code = () => `SG${randomUUID().replace(/-/g, '').slice(0, 10).toUpperCase()}`;
const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

async function registerPatient(allergies: string[] = []): Promise<string> {
  const metadata = callMetadata(signIdentity(doctor, internalSecret), randomUUID());
  return (await patients.registerPatient({ givenName: 'Sub', familyName: `Graph${randomUUID().slice(0, 6)}`, dateOfBirth: '1980-02-02', allergies }, { metadata })).id;
}

async function stockedDrug(name = 'Subgraphicillin', quantity = 50): Promise<string> {
  const created = await gql<{ createDrug: { id: string } }>(pharmacist, 'mutation($i: CreateDrugInput!) { createDrug(input: $i) { id } }', {
    i: { code: code(), name, form: 'CAPSULE', strength: '250 mg' },
  });
  expect(created.errors).toBeUndefined();
  const id = created.data!.createDrug.id;
  const received = await gql(pharmacist, 'mutation($i: ReceiveStockInput!) { receiveStock(input: $i) { id } }', {
    i: { drugId: id, lotNumber: 'SG-1', quantity, expiresOn: inDays(60) },
  });
  expect(received.errors).toBeUndefined();
  return id;
}

async function prescribe(patientId: string, drugId: string, extra: Record<string, unknown> = {}): Promise<string> {
  const result = await gql<{ prescribe: { id: string } }>(doctor, 'mutation($i: PrescribeInput!) { prescribe(input: $i) { id } }', {
    i: { patientId, drugId, dose: '250 mg', frequency: 'three times a day', durationDays: 5, quantity: 15, ...extra },
  });
  expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
  return result.data!.prescribe.id;
}

describe('pharmacy subgraph', () => {
  it('refuses requests without a valid router identity with 401 UNAUTHENTICATED', async () => {
    const missing = await gql(undefined, '{ lowStock(threshold: 1) { id } }');
    expect([missing.status, missing.errors?.[0]?.extensions?.['code']]).toEqual([401, 'UNAUTHENTICATED']);
  });

  it('maps drugs, lots and enums from proto to GraphQL', async () => {
    const drugId = await stockedDrug();
    const result = await gql<{ drug: Record<string, unknown> }>(
      doctor,
      'query($id: ID!) { drug(id: $id) { id form stockOnHand lots { lotNumber quantity expired drug { id } } } }',
      { id: drugId },
    );
    expect(result.errors).toBeUndefined();
    expect(result.data?.drug).toEqual({ id: drugId, form: 'CAPSULE', stockOnHand: 50, lots: [{ lotNumber: 'SG-1', quantity: 50, expired: false, drug: { id: drugId } }] });
  });

  it('resolves N prescription references with ONE GetPrescriptions and ONE GetDrugs call', async () => {
    const drugId = await stockedDrug();
    const patientId = await registerPatient();
    const ids = [await prescribe(patientId, drugId), await prescribe(patientId, drugId), await prescribe(patientId, drugId)];
    counter.reset();
    const result = await gql<{ _entities: ({ id: string; status: string; drug: { id: string }; patient: { id: string }; prescriber: { id: string } } | null)[] }>(
      pharmacist,
      'query($r: [_Any!]!) { _entities(representations: $r) { ... on Prescription { id status drug { id name } patient { id } prescriber { id } dispensedAt } } }',
      { r: [...ids.map((id) => ({ __typename: 'Prescription', id })), { __typename: 'Prescription', id: randomUUID() }] },
    );
    expect(result.errors).toBeUndefined();
    expect(result.data?._entities.map((e) => e?.id ?? null)).toEqual([...ids, null]);
    expect(result.data?._entities[0]).toMatchObject({
      status: 'PENDING',
      drug: { id: drugId },
      patient: { id: patientId },
      prescriber: { id: doctor.kind === 'user' ? doctor.userId : '' },
    });
    expect(Object.fromEntries(counter.calls)).toEqual({ getPrescriptions: 1, getDrugs: 1 });
  });

  it('resolves Patient.prescriptions for N patients with ONE ListPatientPrescriptions call', async () => {
    const drugId = await stockedDrug();
    const [a, b, c] = [await registerPatient(), await registerPatient(), await registerPatient()];
    const [pa, pb] = [await prescribe(a, drugId), await prescribe(b, drugId)];
    counter.reset();
    const result = await gql<{ _entities: { prescriptions: { id: string }[] }[] }>(
      nurse,
      'query($r: [_Any!]!) { _entities(representations: $r) { ... on Patient { prescriptions(status: PENDING) { id } } } }',
      { r: [a, b, c].map((id) => ({ __typename: 'Patient', id })) },
    );
    expect(result.errors).toBeUndefined();
    expect(result.data?._entities.map((e) => e.prescriptions.map((p) => p.id))).toEqual([[pa], [pb], []]);
    expect(Object.fromEntries(counter.calls)).toEqual({ listPatientPrescriptions: 1 });
  });

  it('lets ward staff read a prescription but not the stock behind its drug', async () => {
    const drugId = await stockedDrug();
    const id = await prescribe(await registerPatient(), drugId);
    const ok = await gql(nurse, 'query($id: ID!) { prescription(id: $id) { id drug { name strength } } }', { id });
    expect(ok.errors).toBeUndefined();
    const stock = await gql(nurse, 'query($id: ID!) { prescription(id: $id) { id drug { stockOnHand } } }', { id });
    expect(stock.errors?.map((e) => [e.extensions?.['code'], e.path])).toEqual([['FORBIDDEN', ['prescription', 'drug', 'stockOnHand']]]);
  });

  it('maps service errors: allergy refusal with its field, CONFLICT on short stock, and records an override', async () => {
    const drugId = await stockedDrug('Amoxicillin', 10);
    const patientId = await registerPatient(['penicillin']);
    const input = { patientId, drugId, dose: '500 mg', frequency: 'every 8 hours', durationDays: 7, quantity: 21 };
    const refused = await gql(doctor, 'mutation($i: PrescribeInput!) { prescribe(input: $i) { id } }', { i: input });
    expect(refused.errors?.[0]?.extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'allergyOverrideReason' });
    expect(refused.errors?.[0]?.message).toMatch(/penicillin/);
    const overridden = await gql<{ prescribe: { id: string; allergyOverride: { reason: string; overriddenBy: { id: string }; allergies: string[] } } }>(
      doctor,
      'mutation($i: PrescribeInput!) { prescribe(input: $i) { id allergyOverride { reason overriddenBy { id } allergies } } }',
      { i: { ...input, allergyOverrideReason: 'Desensitised' } },
    );
    expect(overridden.data?.prescribe.allergyOverride).toMatchObject({ reason: 'Desensitised', allergies: ['penicillin'] });
    const short = await gql(pharmacist, 'mutation($id: ID!) { dispensePrescription(id: $id) { id } }', { id: overridden.data?.prescribe.id });
    expect(short.errors?.[0]?.extensions).toEqual({ code: 'CONFLICT' });
  });

  it('takes a structured prescription (enums through to the service) and maps the route and the pharmacy review back', async () => {
    const drugId = await stockedDrug('Paracetamol', 50);
    const patientId = await registerPatient();
    const input = {
      patientId,
      drugId,
      doseAmount: 2,
      doseUnit: 'TABLET',
      route: 'ORAL',
      frequencyCode: 'FOUR_TIMES_DAILY',
      directions: 'after food',
      durationDays: 3,
      quantity: 24,
    };
    const written = await gql<{ prescribe: { id: string; dose: string; frequency: string; route: string } }>(
      doctor,
      'mutation($i: PrescribeInput!) { prescribe(input: $i) { id dose frequency route } }',
      { i: input },
    );
    expect(written.data?.prescribe).toMatchObject({ dose: '2 tablets', frequency: 'four times a day; as directed: after food', route: 'ORAL' });
    const impossible = await gql(doctor, 'mutation($i: PrescribeInput!) { prescribe(input: $i) { id } }', { i: { ...input, doseAmount: 5000, doseUnit: 'G' } });
    expect(impossible.errors?.[0]?.extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'doseAmount' });
    const id = written.data?.prescribe.id;
    const queried = await gql<{ queryPrescription: { status: string; review: { action: string; reason: string; reviewedBy: { id: string } } } }>(
      pharmacist,
      'mutation($id: ID!) { queryPrescription(id: $id, reason: "Four a day?") { status review { action reason reviewedBy { id } } } }',
      { id },
    );
    expect(queried.data?.queryPrescription).toMatchObject({ status: 'PENDING', review: { action: 'QUERY', reason: 'Four a day?' } });
    const rejected = await gql<{ rejectPrescription: { status: string; cancellationReason: string; review: { action: string } } }>(
      pharmacist,
      'mutation($id: ID!) { rejectPrescription(id: $id, reason: "Duplicate") { status cancellationReason review { action } } }',
      { id },
    );
    expect(rejected.data?.rejectPrescription).toEqual({ status: 'CANCELLED', cancellationReason: 'Duplicate', review: { action: 'REJECT' } });
    const byDoctor = await gql(doctor, 'mutation($id: ID!) { rejectPrescription(id: $id, reason: "x") { id } }', { id });
    expect(byDoctor.errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');
  });

  it('refuses a role without @auth before calling the service, and bad page sizes as BAD_USER_INPUT', async () => {
    counter.reset();
    const forbidden = await gql(nurse, 'mutation { dispensePrescription(id: "00000000-0000-0000-0000-000000000000") { id } }');
    expect(forbidden.errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');
    const negative = await gql(doctor, '{ drugs(first: -1) { totalCount } }');
    expect(negative.errors?.[0]?.extensions?.['code']).toBe('BAD_USER_INPUT');
    expect(counter.calls.size).toBe(0);
  });
});
