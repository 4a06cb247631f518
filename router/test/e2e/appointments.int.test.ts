/**
 * Appointments end to end through the router: booking with the patient and doctor resolved by
 * their own subgraphs, no double booking under truly parallel requests, the status lifecycle,
 * a doctor's default schedule, and `Patient.appointments` across subgraphs.
 */
import { describe, expect, it } from 'vitest';
import { appointmentFixtures, APPOINTMENT_FIELDS, type BookedAppointment } from './appointment-fixtures.ts';
import type { GraphQLResponse, TestSystem } from '@hospital/test-support/system';
import { systemForFile } from '../support/system-database.ts';
import { dataOf } from './ward-fixtures.ts';

let system: TestSystem;
const fx = appointmentFixtures(() => system);
const BOOK = `mutation($input: BookAppointmentInput!) { bookAppointment(input: $input) { ${APPOINTMENT_FIELDS} } }`;
const RESCHEDULE = `mutation($id: ID!, $s: DateTime!, $e: DateTime!) { rescheduleAppointment(id: $id, startsAt: $s, endsAt: $e) { ${APPOINTMENT_FIELDS} } }`;

systemForFile((running) => (system = running));

const codes = (results: GraphQLResponse[]) => results.map((r) => (r.errors ? String(r.errors[0]?.extensions?.['code']) : 'OK')).sort();

describe('booking through the router', () => {
  it('books for the signed-in doctor and resolves patient and doctor in their own subgraphs', async () => {
    const patientId = await fx.patient();
    const result = await system.gql<{ bookAppointment: { patient: { fullName: string }; doctor: { displayName: string; role: string } } & BookedAppointment }>(
      `mutation($input: BookAppointmentInput!) { bookAppointment(input: $input) { ${APPOINTMENT_FIELDS} patient { fullName } doctor { displayName role } } }`,
      { input: { patientId, ...fx.slot(0), reason: 'Annual check' } },
      await system.tokenFor('doctor'),
    );
    const booked = dataOf(result).bookAppointment;
    expect(booked).toMatchObject({ status: 'SCHEDULED', reason: 'Annual check', patient: { id: patientId }, doctor: { id: system.accounts.doctor.id, role: 'DOCTOR' } });
    expect(booked.patient.fullName).toMatch(/^Ada Appt/);
  });

  it('lets exactly one of 10 parallel bookings of the same doctor slot through; 9 are CONFLICT naming the slot', async () => {
    const patients = await Promise.all(Array.from({ length: 10 }, () => fx.patient()));
    const token = await system.tokenFor('doctor');
    const slot = fx.slot(60);
    const results = await Promise.all(patients.map((patientId) => system.gql(BOOK, { input: { patientId, ...slot } }, token)));
    expect(codes(results)).toEqual([...Array(9).fill('CONFLICT'), 'OK']);
    const day = slot.startsAt.slice(0, 10);
    for (const result of results.filter((r) => r.errors)) expect(result.errors?.[0]?.message).toBe(`The doctor already has an appointment ${day} 09:00–09:30 UTC.`);
  });

  it('refuses overlapping but different slots sent at once, and keeps a patient from two doctors', async () => {
    const token = await system.tokenFor('doctor');
    // Different slots that all contain 10:17, so any two of them overlap.
    const slots = [fx.slot(120), fx.slot(135), fx.slot(115), fx.slot(130, 10)];
    const patients = await Promise.all(slots.map(() => fx.patient()));
    const results = await Promise.all(slots.map((slot, i) => system.gql(BOOK, { input: { patientId: patients[i], ...slot } }, token)));
    expect(codes(results)).toEqual(['CONFLICT', 'CONFLICT', 'CONFLICT', 'OK']);
    // The admin books the same patient with another doctor at an overlapping time: the patient side clashes.
    const winner = results.findIndex((r) => !r.errors);
    const other = await system.gql(BOOK, { input: { patientId: patients[winner], doctorId: await otherDoctor(), ...slots[winner]! } }, await system.tokenFor('admin'));
    expect(other.errors?.[0]).toMatchObject({ extensions: { code: 'CONFLICT' }, message: expect.stringMatching(/^The patient already has an appointment/) });
  });

  it('lets a reschedule and a booking race for a slot: exactly one wins', async () => {
    const [p1, p2] = await Promise.all([fx.patient(), fx.patient()]);
    const moving = await fx.book(p1, fx.slot(180));
    const target = fx.slot(240);
    const token = await system.tokenFor('doctor');
    const results = await Promise.all([
      system.gql(RESCHEDULE, { id: moving.id, s: target.startsAt, e: target.endsAt }, token),
      system.gql(BOOK, { input: { patientId: p2, ...target } }, token),
    ]);
    expect(codes(results)).toEqual(['CONFLICT', 'OK']);
  });
});

describe('lifecycle through the router', () => {
  it('checks in at reception, completes as the doctor, and records who did what', async () => {
    const booked = await fx.book(await fx.patient(), fx.slot(300));
    const checkIn = await system.gql('mutation($id: ID!) { checkInAppointment(id: $id) { status } }', { id: booked.id }, await system.tokenFor('ward_staff'));
    expect(dataOf(checkIn)).toEqual({ checkInAppointment: { status: 'CHECKED_IN' } });
    const done = await system.gql<{ completeAppointment: { status: string; history: { from: string | null; to: string; changedBy: { id: string } | null }[] } }>(
      'mutation($id: ID!) { completeAppointment(id: $id) { status history { from to changedBy { id } changedAt } } }',
      { id: booked.id },
      await system.tokenFor('doctor'),
    );
    expect(dataOf(done).completeAppointment.history.map((c) => [c.from, c.to, c.changedBy?.id])).toEqual([
      [null, 'SCHEDULED', system.accounts.doctor.id],
      ['SCHEDULED', 'CHECKED_IN', system.accounts.ward_staff.id],
      ['CHECKED_IN', 'COMPLETED', system.accounts.doctor.id],
    ]);
  });

  it('answers illegal transitions with BAD_USER_INPUT and a colleague’s appointment with NOT_FOUND (as an unknown id)', async () => {
    const booked = await fx.book(await fx.patient(), fx.slot(360));
    const token = await system.tokenFor('doctor');
    const complete = await system.gql('mutation($id: ID!) { completeAppointment(id: $id) { id } }', { id: booked.id }, token);
    expect(complete.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'id' });
    const cancelled = await system.gql('mutation($id: ID!) { cancelAppointment(id: $id, reason: "Unwell") { status } }', { id: booked.id }, token);
    expect(dataOf(cancelled)).toEqual({ cancelAppointment: { status: 'CANCELLED' } });
    const noShow = await system.gql('mutation($id: ID!) { markNoShow(id: $id) { id } }', { id: booked.id }, token);
    expect(noShow.errors?.[0]?.extensions?.['code']).toBe('BAD_USER_INPUT');
    const colleagues = await system.gql(BOOK, { input: { patientId: await fx.patient(), doctorId: await otherDoctor(), ...fx.slot(420) } }, await system.tokenFor('admin'));
    const theirs = dataOf(colleagues as GraphQLResponse<{ bookAppointment: BookedAppointment }>).bookAppointment;
    const hidden = await system.gql('mutation($id: ID!) { cancelAppointment(id: $id) { id } }', { id: theirs.id }, token);
    expect(hidden.errors?.[0]?.extensions?.['code']).toBe('NOT_FOUND');
  });
});

describe('reading schedules', () => {
  it('shows a doctor their own schedule by default, in start order', async () => {
    const result = await system.gql<{ appointments: { totalCount: number; edges: { node: { startsAt: string; doctor: { id: string } } }[] } }>(
      `query($from: DateTime, $to: DateTime) { appointments(from: $from, to: $to, first: 100) { totalCount edges { node { startsAt doctor { id } } } } }`,
      { from: fx.slot(0).startsAt, to: fx.slot(24 * 60).startsAt },
      await system.tokenFor('doctor'),
    );
    const page = dataOf(result).appointments;
    expect(page.totalCount).toBeGreaterThan(0);
    expect(new Set(page.edges.map((e) => e.node.doctor.id))).toEqual(new Set([system.accounts.doctor.id]));
    const starts = page.edges.map((e) => e.node.startsAt);
    expect(starts).toEqual([...starts].sort());
  });

  it('resolves Patient.appointments across subgraphs, from the patients subgraph’s patient', async () => {
    const patientId = await fx.patient();
    const booked = await fx.book(patientId, fx.slot(480));
    const result = await system.gql<{ patient: { fullName: string; appointments: { totalCount: number; edges: { node: { id: string; status: string } }[] } } }>(
      'query($id: ID!) { patient(id: $id) { fullName appointments(status: [SCHEDULED]) { totalCount edges { node { id status } } } } }',
      { id: patientId },
      await system.tokenFor('ward_staff'),
    );
    expect(dataOf(result).patient.appointments).toEqual({ totalCount: 1, edges: [{ node: { id: booked.id, status: 'SCHEDULED' } }] });
  });
});

/** Creates a second doctor (as the admin) and returns the id. */
async function otherDoctor(): Promise<string> {
  const result = await system.gql<{ createUser: { id: string } }>(
    'mutation($input: CreateUserInput!) { createUser(input: $input) { id } }',
    { input: { email: `dr-${Date.now()}-${Math.random().toString(36).slice(2, 8)}@test.hospital.local`, password: 'a-long-password-1', displayName: 'Dr Other', role: 'DOCTOR' } },
    await system.tokenFor('admin'),
  );
  return dataOf(result).createUser.id;
}
