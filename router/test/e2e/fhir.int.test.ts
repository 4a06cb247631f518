/**
 * The FHIR R4 facade end to end (issue 17): the CapabilityStatement, OperationOutcome for every
 * failure, Patient / Practitioner / Appointment read and search through the real router,
 * subgraphs and services, with every returned resource and Bundle validated against the official
 * R4 StructureDefinitions.
 */
import { randomUUID } from 'node:crypto';
import type { Appointment, Bundle, CapabilityStatement, OperationOutcome, Patient, Practitioner } from '@medplum/fhirtypes';
import { beforeAll, describe, expect, it } from 'vitest';
import { uniqueLetters } from '@hospital/service-kit/testing';
import type { TestSystem } from '@hospital/test-support/system';
import { allPages, expectValidFhir, fhirBase, fhirGet } from '../fhir/fhir-client.ts';
import { appointmentFixtures, type BookedAppointment } from './appointment-fixtures.ts';
import { systemForFile } from '../support/system-database.ts';
import { dataOf } from './ward-fixtures.ts';

let system: TestSystem;
let doctor: string;
let admin: string;
const fx = appointmentFixtures(() => system);
// A family name no other test uses, so searches see only this file's patients.
const family = `Fhir${uniqueLetters(8)}`;
const APP_ORIGIN = 'https://ehr-app.test';
const REGISTER = 'mutation($input: RegisterPatientInput!) { registerPatient(input: $input) { id mrn } }';
const registered: Array<{ id: string; mrn: string }> = [];
let booked: BookedAppointment;

systemForFile((running) => (system = running), { allowedOrigins: [APP_ORIGIN] });
beforeAll(async () => {
  [doctor, admin] = await Promise.all([system.tokenFor('doctor'), system.tokenFor('admin')]);
  const people = [
    { givenName: 'Ada', sex: 'FEMALE', dateOfBirth: '1980-02-03', phone: '+44 20 7946 0001', email: 'ada@example.test', address: '1 Main St' },
    { givenName: 'Bo', sex: 'MALE', dateOfBirth: '1975-06-07' },
    { givenName: 'Cy', sex: 'OTHER', dateOfBirth: '2001-11-12' },
    { givenName: 'Di', sex: 'UNKNOWN', dateOfBirth: '1990-01-01' },
    { givenName: 'Ed', sex: 'MALE', dateOfBirth: '1969-07-20' },
  ];
  for (const person of people)
    registered.push(dataOf(await system.gql<{ registerPatient: { id: string; mrn: string } }>(REGISTER, { input: { ...person, familyName: family } }, doctor)).registerPatient);
  booked = await fx.book(registered[0]!.id, fx.slot(600));
}, 120_000);

const outcomeOf = (body: unknown) => body as OperationOutcome;

describe('browser apps (CORS)', () => {
  it("answers an admitted origin's preflight and reads, and gives other origins no CORS headers", async () => {
    const preflight = await fetch(`${fhirBase(system)}/Patient`, {
      method: 'OPTIONS',
      headers: { origin: APP_ORIGIN, 'access-control-request-method': 'GET', 'access-control-request-headers': 'authorization' },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe(APP_ORIGIN);
    const read = await fhirGet(system, `Patient/${registered[0]!.id}`, doctor, { origin: APP_ORIGIN });
    expect(read.status).toBe(200);
    expect(read.headers.get('access-control-allow-origin')).toBe(APP_ORIGIN);
    const stranger = await fhirGet(system, `Patient/${registered[0]!.id}`, doctor, { origin: 'https://evil.test' });
    expect(stranger.headers.get('access-control-allow-origin')).toBeNull();
  });
});

describe('metadata', () => {
  it('is a valid CapabilityStatement of what is implemented, in application/fhir+json, without a token', async () => {
    const answer = await fhirGet<CapabilityStatement>(system, 'metadata');
    expect(answer.status).toBe(200);
    expect(answer.headers.get('content-type')).toMatch(/^application\/fhir\+json/);
    expectValidFhir(answer.body);
    const resources = answer.body.rest![0]!.resource!;
    expect(resources.map((r) => r.type).slice(0, 3)).toEqual(['Patient', 'Practitioner', 'Appointment']);
    expect(resources.find((r) => r.type === 'Patient')!.searchParam!.map((p) => p.name)).toEqual(expect.arrayContaining(['name', 'family', 'given', 'birthdate', 'identifier']));
    expect(answer.body.fhirVersion).toBe('4.0.1');
  });
});

describe('errors are OperationOutcomes', () => {
  it.each([
    ['no token', 'Patient', undefined, {}, 401],
    ['a bad token', 'Patient', 'not-a-token', {}, 401],
    ['an unknown search parameter', 'Patient?colour=blue', 'doctor', {}, 400],
    ['a bad _count', 'Patient?_count=many', 'doctor', {}, 400],
    ['a bad date', 'Appointment?date=ge2026-13-40', 'doctor', {}, 400],
    ['an unsupported date prefix', 'Appointment?date=sa2026-01-01', 'doctor', {}, 400],
    ['a cursor on Location (one page: none is ever given)', 'Location?_count=1&_cursor=AAAA', 'doctor', {}, 400],
    ['a tampered Patient cursor', 'Patient?_count=1&_cursor=AAAA', 'doctor', {}, 400],
    ['a malformed id', 'Patient/not_an$id', 'doctor', {}, 400],
    ['an unknown patient', `Patient/${randomUUID()}`, 'doctor', {}, 404],
    ['an unknown resource type', 'Observation', 'doctor', {}, 404],
    ['an XML Accept', 'Patient', 'doctor', { accept: 'application/fhir+xml' }, 406],
    ['_format=xml', 'metadata?_format=xml', undefined, { accept: '*/*' }, 406],
    ['a role without access (pharmacist reading appointments)', 'Appointment', 'pharmacist', {}, 403],
  ] as const)('%s', async (_label, path, who, headers, status) => {
    const token = who === 'doctor' ? doctor : who === 'pharmacist' ? await system.tokenFor('pharmacist') : who;
    const answer = await fhirGet(system, path, token, headers);
    expect(answer.status, JSON.stringify(answer.body)).toBe(status);
    expect(answer.headers.get('content-type')).toMatch(/^application\/fhir\+json/);
    expect(answer.body.resourceType).toBe('OperationOutcome');
    expectValidFhir(answer.body);
    expect(outcomeOf(answer.body).issue[0]!.diagnostics).toBeTruthy();
    if (status === 401) expect(answer.headers.get('www-authenticate')).toBe('Bearer');
  });
});

describe('Patient', () => {
  it('reads a patient with MRN identifier, gender, birth date and telecom', async () => {
    const answer = await fhirGet<Patient>(system, `Patient/${registered[0]!.id}`, doctor);
    expect(answer.status).toBe(200);
    expectValidFhir(answer.body);
    expect(answer.body).toMatchObject({
      id: registered[0]!.id,
      active: true,
      gender: 'female',
      birthDate: '1980-02-03',
      name: [{ family, given: ['Ada'] }],
      identifier: [{ system: 'urn:hospital-system:mrn', value: registered[0]!.mrn }],
      telecom: [{ system: 'phone' }, { system: 'email', value: 'ada@example.test' }],
      address: [{ text: '1 Main St' }],
    });
  });

  it('searches by family and pages with next links through the GraphQL cursors', async () => {
    const first = await fhirGet<Bundle>(system, `Patient?family=${family}&_count=2`, doctor);
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ type: 'searchset' });
    const pages = await allPages(system, first.body, doctor);
    expect(pages).toHaveLength(3);
    for (const page of pages) expectValidFhir(page);
    const ids = pages.flatMap((page) => (page.entry ?? []).map((entry) => entry.resource!.id));
    expect(new Set(ids)).toEqual(new Set(registered.map((p) => p.id)));
    expect(pages[0]!.link!.find((l) => l.relation === 'self')!.url).toContain(`family=${family}`);
    expect(pages[2]!.link!.some((l) => l.relation === 'next')).toBe(false);
  });

  it('searches by name with an exact total, by given, birthdate, gender and identifier', async () => {
    const byName = await fhirGet<Bundle>(system, `Patient?name=${family}`, doctor);
    expect(byName.body.total).toBe(5);
    const given = await fhirGet<Bundle>(system, `Patient?family=${family}&given=bo`, doctor);
    expect(given.body.entry!.map((e) => e.resource!.id)).toEqual([registered[1]!.id]);
    const born = await fhirGet<Bundle>(system, `Patient?birthdate=2001-11-12&family=${family}`, doctor);
    expect(born.body.entry!.map((e) => e.resource!.id)).toEqual([registered[2]!.id]);
    const male = await fhirGet<Bundle>(system, `Patient?family=${family}&gender=male`, doctor);
    expect(male.body.entry!.map((e) => e.resource!.id).sort()).toEqual([registered[1]!.id, registered[4]!.id].sort());
    const mrn = await fhirGet<Bundle>(system, `Patient?identifier=${encodeURIComponent(`urn:hospital-system:mrn|${registered[3]!.mrn}`)}`, doctor);
    expect(mrn.body.entry!.map((e) => (e.resource as Patient).gender)).toEqual(['unknown']);
    const otherSystem = await fhirGet<Bundle>(system, `Patient?identifier=${encodeURIComponent(`http://elsewhere.test|${registered[3]!.mrn}`)}`, doctor);
    expect(otherSystem.body.entry ?? []).toEqual([]);
    for (const bundle of [byName, given, born, male, mrn, otherSystem]) expectValidFhir(bundle.body);
  });
});

describe('Practitioner', () => {
  it('searches and reads the doctors', async () => {
    const search = await fhirGet<Bundle>(system, 'Practitioner?_count=100', admin);
    expect(search.status).toBe(200);
    expectValidFhir(search.body);
    const mine = search.body.entry!.find((entry) => entry.resource!.id === system.accounts.doctor.id);
    expect(mine).toBeDefined();
    const read = await fhirGet<Practitioner>(system, `Practitioner/${system.accounts.doctor.id}`, doctor);
    expect(read.status).toBe(200);
    expectValidFhir(read.body);
    expect(read.body.name![0]!.text).toBeTruthy();
    expect((await fhirGet(system, `Practitioner/${randomUUID()}`, doctor)).status).toBe(404);
    // Only doctors are Practitioners: another staff account's id is not one.
    expect((await fhirGet(system, `Practitioner/${system.accounts.pharmacist.id}`, doctor)).status).toBe(404);
  });

  it("reads one doctor by id under the doctor list's roles, and a deactivated doctor is no longer one", async () => {
    const email = `fhir-doc-${randomUUID().slice(0, 8)}@test.hospital.local`;
    const created = await system.gql<{ createUser: { id: string } }>(
      'mutation($input: CreateUserInput!) { createUser(input: $input) { id } }',
      { input: { email, password: 'a-long-password-1', displayName: 'Dr Fhir Read', role: 'DOCTOR' } },
      admin,
    );
    const id = dataOf(created).createUser.id;
    const nurse = await system.tokenFor('ward_staff');
    const read = await fhirGet<Practitioner>(system, `Practitioner/${id}`, nurse);
    expect(read.status, JSON.stringify(read.body)).toBe(200);
    expect(read.body).toEqual({ resourceType: 'Practitioner', id, active: true, name: [{ text: 'Dr Fhir Read' }] });
    const refused = await fhirGet<OperationOutcome>(system, `Practitioner/${id}`, await system.tokenFor('finance'));
    expect([refused.status, refused.body.issue[0]!.diagnostics]).toEqual([403, 'Your role may not read Practitioner.']);
    dataOf(await system.gql('mutation($id: ID!) { deactivateUser(id: $id) { id } }', { id }, admin));
    expect((await fhirGet(system, `Practitioner/${id}`, nurse)).status).toBe(404);
  });
});

describe('Appointment', () => {
  it('reads an appointment with patient and practitioner participants and a spec status', async () => {
    const answer = await fhirGet<Appointment>(system, `Appointment/${booked.id}`, doctor);
    expect(answer.status, JSON.stringify(answer.body)).toBe(200);
    expectValidFhir(answer.body);
    expect(answer.body).toMatchObject({ status: 'booked', start: booked.startsAt, end: booked.endsAt });
    expect(answer.body.participant.map((p) => p.actor?.reference)).toEqual([`Patient/${registered[0]!.id}`, `Practitioner/${booked.doctor.id}`]);
  });

  it('searches by patient, practitioner, date range and status', async () => {
    const day = booked.startsAt.slice(0, 10);
    const found = await fhirGet<Bundle>(
      system,
      `Appointment?patient=Patient/${registered[0]!.id}&practitioner=${booked.doctor.id}&date=ge${day}&date=le${day}&status=booked`,
      doctor,
    );
    expect(found.status, JSON.stringify(found.body)).toBe(200);
    expectValidFhir(found.body);
    expect(found.body.entry!.map((e) => e.resource!.id)).toEqual([booked.id]);
    const before = await fhirGet<Bundle>(system, `Appointment?patient=${registered[0]!.id}&date=lt${day}`, doctor);
    expect(before.body.entry ?? []).toEqual([]);
    const cancelled = await fhirGet<Bundle>(system, `Appointment?patient=${registered[0]!.id}&status=cancelled,noshow`, doctor);
    expect(cancelled.body.entry ?? []).toEqual([]);
    const proposed = await fhirGet<Bundle>(system, `Appointment?patient=${registered[0]!.id}&status=proposed`, doctor);
    expect(proposed.body.total).toBe(0);
  });
});
