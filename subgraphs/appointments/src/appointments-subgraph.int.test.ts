/**
 * The appointments subgraph over HTTP, as the router calls it, against the real appointments
 * service (and the identity and patients services it asks). The gRPC client is the real one,
 * wrapped only to count calls.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAppointmentsClient } from '@hospital/grpc-contracts';
import { startAppointmentsHarness, type AppointmentsHarness } from '@hospital/appointments-service/testing';
import { createLogger, type Caller } from '@hospital/service-kit';
import type { RunningSubgraph } from '@hospital/subgraph-kit';
import { countCalls, identityHeaders, postGraphQL, userCaller } from '@hospital/subgraph-kit/testing';
import { testDatabaseUrl } from '../../../test/helpers.ts';
import { startAppointmentsSubgraph } from './index.ts';
import { TEST_CALL_DEADLINE_MS } from '@hospital/service-kit/testing';

let h: AppointmentsHarness;
let subgraph: RunningSubgraph;
let client: ReturnType<typeof createAppointmentsClient>;
let counter: ReturnType<typeof countCalls<ReturnType<typeof createAppointmentsClient>>>;

beforeAll(async () => {
  h = await startAppointmentsHarness(testDatabaseUrl());
  client = createAppointmentsClient({ target: h.target, deadlineMs: TEST_CALL_DEADLINE_MS });
  counter = countCalls(client);
  const logger = createLogger('appointments-subgraph-test', 'silent');
  subgraph = await startAppointmentsSubgraph(
    { port: 0, host: '127.0.0.1', appointmentsTarget: h.target, internalSecret: h.internalSecret, production: true },
    { logger, client: counter.client },
  );
});

afterAll(async () => {
  await subgraph?.close();
  client?.close();
  await h?.close();
});

const gql = <T = Record<string, unknown>>(caller: Caller | undefined, query: string, variables?: Record<string, unknown>) =>
  postGraphQL<T>(subgraph.url, query, { variables, headers: caller ? identityHeaders(caller, h.internalSecret) : {} });

const FIELDS = 'id status startsAt endsAt reason patient { id } doctor { id } history { from to changedBy { id } changedAt reason } createdAt updatedAt';
const BOOK = `mutation($input: BookAppointmentInput!) { bookAppointment(input: $input) { ${FIELDS} } }`;

async function book(doctorId: string, offset: number, patientId?: string) {
  const patient = patientId ?? (await h.newPatient());
  const result = await gql<{ bookAppointment: { id: string } & Record<string, unknown> }>(userCaller('doctor', doctorId), BOOK, {
    input: { patientId: patient, ...h.slot(offset) },
  });
  expect(result.errors).toBeUndefined();
  return { ...result.data!.bookAppointment, patientId: patient };
}

describe('appointments subgraph', () => {
  it('refuses requests without a valid router identity', async () => {
    const missing = await gql(undefined, '{ appointments { totalCount } }');
    expect([missing.status, missing.errors?.[0]?.extensions?.['code']]).toEqual([401, 'UNAUTHENTICATED']);
  });

  it('books and maps proto to GraphQL: references, null reason, history', async () => {
    const doctorId = await h.newDoctor();
    const booked = await book(doctorId, 0);
    expect(booked).toMatchObject({
      status: 'SCHEDULED',
      reason: null,
      patient: { id: booked.patientId },
      doctor: { id: doctorId },
      history: [{ from: null, to: 'SCHEDULED', changedBy: { id: doctorId }, reason: null }],
      ...h.slot(0),
    });
  });

  it('passes the service’s codes through: CONFLICT naming the slot, BAD_USER_INPUT with the field', async () => {
    const doctorId = await h.newDoctor();
    const { patientId } = await book(doctorId, 60);
    const clash = await gql(userCaller('doctor', doctorId), BOOK, { input: { patientId, ...h.slot(75) } });
    expect(clash.errors?.[0]).toMatchObject({ extensions: { code: 'CONFLICT' }, message: expect.stringMatching(/^The doctor already has an appointment .* 09:00–09:30 UTC\.$/) });
    const { startsAt } = h.slot(0);
    const bad = await gql(userCaller('doctor', doctorId), BOOK, { input: { patientId, startsAt, endsAt: startsAt } });
    expect(bad.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'endsAt' });
  });

  it('resolves N appointment references with one GetAppointments call', async () => {
    const doctorId = await h.newDoctor();
    const ids = [(await book(doctorId, 120)).id, (await book(doctorId, 180)).id, randomUUID()];
    counter.reset();
    const result = await gql<{ _entities: ({ id: string; status: string } | null)[] }>(
      userCaller('ward_staff'),
      'query($r: [_Any!]!) { _entities(representations: $r) { ... on Appointment { id status } } }',
      { r: ids.map((id) => ({ __typename: 'Appointment', id })) },
    );
    expect(result.data?._entities).toEqual([{ id: ids[0], status: 'SCHEDULED' }, { id: ids[1], status: 'SCHEDULED' }, null]);
    expect(Object.fromEntries(counter.calls)).toEqual({ getAppointments: 1 });
  });

  it('resolves Patient.appointments for N patients with one batched call', async () => {
    const doctorId = await h.newDoctor();
    const first = await book(doctorId, 240);
    const second = await book(doctorId, 300);
    const idle = await h.newPatient();
    counter.reset();
    const result = await gql<{ _entities: { id: string; appointments: { totalCount: number; edges: { node: { id: string } }[] } }[] }>(
      userCaller('doctor', doctorId),
      'query($r: [_Any!]!) { _entities(representations: $r) { ... on Patient { id appointments(status: [SCHEDULED], first: 5) { totalCount edges { node { id } } } } } }',
      { r: [first.patientId, second.patientId, idle].map((id) => ({ __typename: 'Patient', id })) },
    );
    expect(result.errors).toBeUndefined();
    expect(result.data?._entities.map((p) => p.appointments.edges.map((e) => e.node.id))).toEqual([[first.id], [second.id], []]);
    expect(Object.fromEntries(counter.calls)).toEqual({ listAppointmentsForPatients: 1 });
  });

  it("gives a doctor nothing of a colleague's appointments, by id, through _entities or on the patient", async () => {
    const doctorId = await h.newDoctor();
    const theirs = await book(doctorId, 360);
    const colleague = userCaller('doctor', await h.newDoctor());
    const r = [{ __typename: 'Appointment', id: theirs.id }];
    const entities = await gql<{ _entities: unknown[] }>(colleague, 'query($r: [_Any!]!) { _entities(representations: $r) { ... on Appointment { id reason } } }', { r });
    expect(entities.errors).toBeUndefined();
    expect(entities.data?._entities).toEqual([null]);
    const byId = await gql<{ appointment: unknown }>(colleague, 'query($id: ID!) { appointment(id: $id) { id reason } }', { id: theirs.id });
    expect(byId.data).toEqual({ appointment: null });
    const onPatient = await gql<{ _entities: { appointments: { totalCount: number } }[] }>(
      colleague,
      'query($r: [_Any!]!) { _entities(representations: $r) { ... on Patient { appointments { totalCount } } } }',
      { r: [{ __typename: 'Patient', id: theirs.patientId }] },
    );
    expect(onPatient.data?._entities).toEqual([{ appointments: { totalCount: 0 } }]);
    const cancel = await gql(colleague, 'mutation($id: ID!) { cancelAppointment(id: $id) { id } }', { id: theirs.id });
    expect(cancel.errors?.[0]?.extensions?.['code']).toBe('NOT_FOUND');
    // The appointment's own doctor still sees it.
    const own = await gql<{ _entities: unknown[] }>(userCaller('doctor', doctorId), 'query($r: [_Any!]!) { _entities(representations: $r) { ... on Appointment { id } } }', { r });
    expect(own.data?._entities).toEqual([{ id: theirs.id }]);
  });

  it('enforces @auth on the entity and on Patient.appointments', async () => {
    const denied = await gql(userCaller('pharmacist'), '{ appointments { totalCount } }');
    expect(denied.errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');
    const patientField = await gql(userCaller('finance'), 'query($r: [_Any!]!) { _entities(representations: $r) { ... on Patient { appointments { totalCount } } } }', {
      r: [{ __typename: 'Patient', id: randomUUID() }],
    });
    expect(patientField.errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');
  });
});
