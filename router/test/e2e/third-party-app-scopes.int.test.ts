/**
 * Scopes per field through the real router (issue 16): a field another department adds to a
 * patient (balance, invoices, prescriptions, admissions, appointments) needs that department's
 * resource scope, not the patient's; a Practitioner scope opens the staff fields records show
 * (id, displayName, role), never admin-only account fields. Each refusal is FORBIDDEN with no data,
 * never a silent null. The subgraphs hold the same line for an identity forged past the router,
 * and their entity fetches decide an app by the entity's resource (not "no app ever").
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IdentityClient } from '@hospital/grpc-contracts';
import { IDENTITY_HEADER, signIdentity } from '@hospital/service-kit';
import type { TestSystem } from '@hospital/test-support/system';
import { testDatabaseUrl } from '../../../test/helpers.ts';
import { appointmentFixtures, type BookedAppointment } from './appointment-fixtures.ts';
import { startSystemWithIdentity, systemAppToken } from '../support/client-apps.ts';

let system: TestSystem;
let identity: IdentityClient;
let booked: BookedAppointment;
const fx = appointmentFixtures(() => system);
beforeAll(async () => {
  ({ system, identity } = await startSystemWithIdentity(testDatabaseUrl()));
  booked = await fx.book(await fx.patient(), fx.slot(720));
}, 120_000);
afterAll(async () => {
  identity?.close();
  await system?.close();
});

const appToken = (scopes: string[]) => systemAppToken(system, identity, scopes, 'Scopes app');

type Answer = Awaited<ReturnType<TestSystem['gql']>>;
function expectForbidden(answer: Answer, coordinate: string): void {
  expect(answer.errors?.[0]?.extensions?.['code'], JSON.stringify(answer)).toBe('FORBIDDEN');
  expect(JSON.stringify(answer.errors)).toContain(coordinate);
  expect(answer.data ?? null).toBeNull();
}

describe('fields other departments add to a patient need their own resource', () => {
  const node = (selection: string) => `{ patients(first: 5) { edges { node { id fullName ${selection} } } } }`;
  it.each([
    ['balance { amountMinor currency }', 'Patient.balance'],
    ['balance { __typename }', 'Patient.balance'],
    ['invoices { id number }', 'Patient.invoices'],
    ['invoices { __typename }', 'Patient.invoices'],
    ['prescriptions { id }', 'Patient.prescriptions'],
    ['prescriptions { __typename }', 'Patient.prescriptions'],
    ['admissions { id }', 'Patient.admissions'],
    ['currentAdmission { __typename }', 'Patient.currentAdmission'],
    ['appointments(first: 1) { totalCount }', 'Patient.appointments'],
    ['appointments(first: 1) { __typename }', 'Patient.appointments'],
  ])('system/Patient.rs alone: %s is FORBIDDEN', async (selection, coordinate) => {
    expectForbidden(await system.gql(node(selection), {}, await appToken(['system/Patient.rs'])), coordinate);
  });

  it.each([
    ['system/Invoice.rs', 'balance { amountMinor currency } invoices { id }'],
    ['system/Prescription.rs', 'prescriptions { id status }'],
    ['system/Admission.rs', 'admissions { id } currentAdmission { id }'],
    ['system/Appointment.rs', 'appointments(first: 1) { totalCount }'],
  ])('system/Patient.rs with %s reads %s', async (scope, selection) => {
    const answer = await system.gql<{ patients: { edges: unknown[] } }>(node(selection), {}, await appToken(['system/Patient.rs', scope]));
    expect(answer.errors, JSON.stringify(answer.errors)).toBeUndefined();
    expect(answer.data?.patients.edges.length).toBeGreaterThan(0);
  });
});

describe('Practitioner opens the staff fields records show, nothing more', () => {
  const scopes = ['system/Appointment.rs', 'system/Practitioner.rs', 'system/Patient.rs'];
  const byId = `query($id: ID!) { appointment(id: $id) { id doctor { id displayName role } patient { id fullName } } }`;

  it("reads an appointment's doctor and patient with Appointment, Practitioner and Patient scopes", async () => {
    const answer = await system.gql<{ appointment: { doctor: { id: string; displayName: string; role: string }; patient: { fullName: string } } }>(
      byId,
      { id: booked.id },
      await appToken(scopes),
    );
    expect(answer.errors, JSON.stringify(answer.errors)).toBeUndefined();
    expect(answer.data?.appointment.doctor).toMatchObject({ id: booked.doctor.id, displayName: expect.any(String), role: 'DOCTOR' });
    expect(answer.data?.appointment.patient.fullName).toEqual(expect.any(String));
  });

  it('reads doctors and patients across a page of appointments', async () => {
    const answer = await system.gql<{ appointments: { edges: Array<{ node: { doctor: { displayName: string } } }> } }>(
      '{ appointments(first: 20) { edges { node { id doctor { displayName } patient { fullName } } } } }',
      {},
      await appToken(scopes),
    );
    expect(answer.errors, JSON.stringify(answer.errors)).toBeUndefined();
    expect(answer.data?.appointments.edges.length).toBeGreaterThan(0);
    for (const edge of answer.data!.appointments.edges) expect(edge.node.doctor.displayName).toEqual(expect.any(String));
  });

  it.each(['email', 'active', 'createdAt'])('User.%s is FORBIDDEN even with every Practitioner action', async (field) => {
    const answer = await system.gql(byId.replace('displayName role', field), { id: booked.id }, await appToken(['system/Appointment.rs', 'system/Practitioner.cruds']));
    expectForbidden(answer, `User.${field}`);
  });

  it('a doctor needs the Practitioner scope', async () => {
    expectForbidden(await system.gql(byId.replace(' patient { id fullName }', ''), { id: booked.id }, await appToken(['system/Appointment.rs'])), 'User.displayName');
  });
});

describe('the subgraphs decide an app the same way (identity forged past the router)', () => {
  const direct = async (department: string, scopes: string[], query: string, variables: Record<string, unknown>) => {
    const app = { kind: 'app' as const, clientId: randomUUID(), name: 'direct', scopes };
    const response = await fetch(system.subgraphUrls[department]!, {
      method: 'POST',
      headers: { 'content-type': 'application/json', [IDENTITY_HEADER]: signIdentity(app, system.internalSecret) },
      body: JSON.stringify({ query, variables }),
    });
    return (await response.json()) as { data?: { _entities?: Array<Record<string, unknown> | null> }; errors?: Array<{ extensions?: { code?: string } }> };
  };
  const entities = (type: string, selection: string) => `query($r: [_Any!]!) { _entities(representations: $r) { ... on ${type} { ${selection} } } }`;

  it('resolves a doctor for an app with a Practitioner scope, refuses one without, and never an admin-only field', async () => {
    const r = [{ __typename: 'User', id: booked.doctor.id }];
    const allowed = await direct('identity', ['system/Practitioner.rs'], entities('User', 'id displayName role'), { r });
    expect(allowed.errors, JSON.stringify(allowed.errors)).toBeUndefined();
    expect(allowed.data?._entities?.[0]).toMatchObject({ id: booked.doctor.id, role: 'DOCTOR' });
    expect((await direct('identity', ['system/Appointment.rs'], entities('User', 'displayName'), { r })).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await direct('identity', ['system/Practitioner.rs'], entities('User', 'active'), { r })).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it("refuses a patient's balance to Patient.rs alone and gives it with Invoice.rs", async () => {
    const r = [{ __typename: 'Patient', id: booked.patient.id }];
    expect((await direct('finance', ['system/Patient.rs'], entities('Patient', 'balance { amountMinor }'), { r })).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const allowed = await direct('finance', ['system/Patient.rs', 'system/Invoice.rs'], entities('Patient', 'balance { amountMinor }'), { r });
    expect(allowed.errors, JSON.stringify(allowed.errors)).toBeUndefined();
    expect(allowed.data?._entities?.[0]).toEqual({ balance: [] });
  });
});
