/**
 * `Patient.fhir` and `Appointment.fhir` (issue 17): the GraphQL fields return the very resources
 * the /fhir/R4 facade serves (one mapping, in @hospital/grpc-contracts/fhir), valid R4, and a
 * caller that may not read the record gets FORBIDDEN for the field as for any other field.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uniqueLetters } from '@hospital/service-kit/testing';
import type { IdentityClient } from '@hospital/grpc-contracts';
import { testDatabaseUrl } from '../../../test/helpers.ts';
import type { TestSystem } from '@hospital/test-support/system';
import { startSystemWithIdentity, systemAppToken } from '../support/client-apps.ts';
import { expectValidFhir, fhirGet } from '../fhir/fhir-client.ts';
import { appointmentFixtures, type BookedAppointment } from './appointment-fixtures.ts';
import { dataOf } from './ward-fixtures.ts';

let system: TestSystem;
let identity: IdentityClient;
let doctor: string;
let patient: { id: string; mrn: string };
let booked: BookedAppointment;
const fx = appointmentFixtures(() => system);
const family = `Field${uniqueLetters(8)}`;

beforeAll(async () => {
  ({ system, identity } = await startSystemWithIdentity(testDatabaseUrl()));
  doctor = await system.tokenFor('doctor');
  const input = { givenName: 'Fay', familyName: family, dateOfBirth: '1981-03-04', sex: 'FEMALE', phone: '+44 20 7946 0002', email: 'fay@example.test', address: '2 High St' };
  patient = dataOf(
    await system.gql<{ registerPatient: { id: string; mrn: string } }>('mutation($input: RegisterPatientInput!) { registerPatient(input: $input) { id mrn } }', { input }, doctor),
  ).registerPatient;
  booked = await fx.book(patient.id, fx.slot(700));
}, 120_000);
afterAll(async () => {
  identity?.close();
  await system?.close();
});

const PATIENT_FHIR = 'query PatientFhir($id: ID!) { patient(id: $id) { id fhir } }';
const APPOINTMENT_FHIR = 'query AppointmentFhir($id: ID!) { appointment(id: $id) { id fhir } }';

describe('the GraphQL fhir fields equal the facade', () => {
  it('Patient.fhir is GET /fhir/R4/Patient/{id}, valid R4', async () => {
    const field = dataOf(await system.gql<{ patient: { fhir: Record<string, unknown> } }>(PATIENT_FHIR, { id: patient.id }, doctor)).patient.fhir;
    const facade = await fhirGet(system, `Patient/${patient.id}`, doctor);
    expect(facade.status).toBe(200);
    expect(field).toEqual(facade.body);
    expect(field).toMatchObject({ resourceType: 'Patient', identifier: [{ value: patient.mrn }], telecom: expect.any(Array), address: [{ text: '2 High St' }] });
    expectValidFhir(field as never);
  });

  it('Appointment.fhir is GET /fhir/R4/Appointment/{id}, valid R4', async () => {
    const field = dataOf(await system.gql<{ appointment: { fhir: Record<string, unknown> } }>(APPOINTMENT_FHIR, { id: booked.id }, doctor)).appointment.fhir;
    const facade = await fhirGet(system, `Appointment/${booked.id}`, doctor);
    expect(facade.status).toBe(200);
    expect(field).toEqual(facade.body);
    expect(field).toMatchObject({ resourceType: 'Appointment', status: 'booked', participant: [{ actor: { reference: `Patient/${patient.id}` } }, expect.anything()] });
    expectValidFhir(field as never);
  });

  it('reached through an entity reference (Appointment.patient.fhir), the patient is the same resource', async () => {
    const result = await system.gql<{ appointment: { patient: { fhir: unknown } } }>(
      'query Nested($id: ID!) { appointment(id: $id) { patient { fhir } } }',
      { id: booked.id },
      doctor,
    );
    expect(dataOf(result).appointment.patient.fhir).toEqual((await fhirGet(system, `Patient/${patient.id}`, doctor)).body);
  });
});

describe('the fields are refused like any other field', () => {
  it('an app without a Patient scope gets FORBIDDEN for Patient.fhir, as for Patient.id', async () => {
    const appointmentsOnly = await systemAppToken(system, identity, ['system/Appointment.rs']);
    for (const selection of ['fhir', 'id']) {
      const result = await system.gql(`query P($id: ID!) { patient(id: $id) { ${selection} } }`, { id: patient.id }, appointmentsOnly);
      expect(result.errors?.[0]?.extensions?.['code'], JSON.stringify(result)).toBe('FORBIDDEN');
    }
  });

  it.each(['pharmacist', 'finance'] as const)('a %s gets FORBIDDEN for Appointment.fhir, as for Appointment.id', async (role) => {
    const token = await system.tokenFor(role);
    for (const selection of ['fhir', 'id']) {
      const result = await system.gql(`query A($id: ID!) { appointment(id: $id) { ${selection} } }`, { id: booked.id }, token);
      expect(result.errors?.[0]?.extensions?.['code'], JSON.stringify(result)).toBe('FORBIDDEN');
    }
  });

  it('anonymous callers get UNAUTHENTICATED for both fields', async () => {
    const result = await system.gql(PATIENT_FHIR, { id: patient.id });
    expect(result.errors?.[0]?.extensions?.['code']).toBe('UNAUTHENTICATED');
    const appointment = await system.gql(APPOINTMENT_FHIR, { id: booked.id });
    expect(appointment.errors?.[0]?.extensions?.['code']).toBe('UNAUTHENTICATED');
  });
});
