/** ListAppointments and ListAppointmentsForPatients: filters, windows, keyset pages, defaults. */
import { status } from '@grpc/grpc-js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Appointment__Output } from '@hospital/grpc-contracts';
import { testDatabaseUrl } from '../../../../test/helpers.ts';
import { startAppointmentsHarness, type AppointmentsHarness } from './testing/appointments-harness.ts';
import { expectGrpcError } from '@hospital/service-kit/testing';

let h: AppointmentsHarness;
let doctorId: string;
let patientA: string;
let patientB: string;
/** The doctor's day: A at 08:00, 09:00, 10:00 (10:00 cancelled), B at 08:30 and 11:00. */
let day: Appointment__Output[];

beforeAll(async () => {
  h = await startAppointmentsHarness(testDatabaseUrl());
  [doctorId, patientA, patientB] = await Promise.all([h.newDoctor(), h.newPatient(), h.newPatient()]);
  const admin = () => ({ metadata: h.as('admin') });
  const plan: [string, number][] = [
    [patientA, 0],
    [patientB, 30],
    [patientA, 60],
    [patientA, 120],
    [patientB, 180],
  ];
  day = [];
  for (const [patientId, offset] of plan) day.push(await h.client.bookAppointment({ patientId, doctorId, ...h.slot(offset) }, admin()));
  await h.client.cancelAppointment({ id: day[3]!.id }, admin());
});
afterAll(() => h?.close());

const ids = (appointments: Appointment__Output[]) => appointments.map((a) => a.id);

describe('ListAppointments', () => {
  it('lists a doctor’s day in start order, and pages through it with cursors', async () => {
    const admin = { metadata: h.as('admin') };
    const first = await h.client.listAppointments({ doctorId, page: { first: 2 } }, admin);
    expect(ids(first.appointments)).toEqual(ids(day.slice(0, 2)));
    expect(first.pageInfo).toMatchObject({ hasNextPage: true, totalCount: 5, endCursor: first.cursors[1] });
    const second = await h.client.listAppointments({ doctorId, page: { first: 2, after: first.pageInfo!.endCursor } }, admin);
    const third = await h.client.listAppointments({ doctorId, page: { first: 2, after: second.pageInfo!.endCursor } }, admin);
    expect([...ids(second.appointments), ...ids(third.appointments)]).toEqual(ids(day.slice(2)));
    expect(third.pageInfo?.hasNextPage).toBe(false);
  });

  it('leaves the status history out (unread) when the caller omits it, and keeps it otherwise', async () => {
    const admin = { metadata: h.as('admin') };
    const full = await h.client.listAppointments({ doctorId }, admin);
    const lean = await h.client.listAppointments({ doctorId, omitHistory: true }, admin);
    expect(ids(lean.appointments)).toEqual(ids(full.appointments));
    expect(lean.pageInfo).toEqual(full.pageInfo);
    expect(full.appointments.find((a) => a.id === day[3]!.id)?.history.map((change) => change.toStatus)).toEqual(['APPOINTMENT_STATUS_SCHEDULED', 'APPOINTMENT_STATUS_CANCELLED']);
    expect(lean.appointments.map((a) => a.history)).toEqual(lean.appointments.map(() => []));
    expect(lean.appointments.map((a) => a.status)).toEqual(full.appointments.map((a) => a.status));
  });

  it('filters by patient, status and overlapping window', async () => {
    const admin = { metadata: h.as('ward_staff') };
    const active = await h.client.listAppointments({ patientId: patientA, statuses: ['APPOINTMENT_STATUS_SCHEDULED'] }, admin);
    expect(ids(active.appointments)).toEqual([day[0]!.id, day[2]!.id]);
    // 08:15–09:00 overlaps 08:00–08:30 and 08:30–09:00, not 09:00–09:30.
    const window = { from: new Date(Date.parse(h.slot(15).startsAt)).toISOString(), to: h.slot(60).startsAt };
    expect(ids((await h.client.listAppointments({ doctorId, ...window }, admin)).appointments)).toEqual(ids(day.slice(0, 2)));
  });

  it('shows a doctor their own appointments only: by default, by patient, by id; naming a colleague is FORBIDDEN', async () => {
    const own = await h.client.listAppointments({}, { metadata: h.as('doctor', doctorId) });
    expect(ids(own.appointments)).toEqual(ids(day));
    const colleague = { metadata: h.as('doctor', await h.newDoctor()) };
    expect((await h.client.listAppointments({}, colleague)).appointments).toEqual([]);
    expect((await h.client.listAppointments({ patientId: patientA }, colleague)).pageInfo?.totalCount).toBe(0);
    await expectGrpcError(h.client.listAppointments({ doctorId }, colleague), status.PERMISSION_DENIED);
    expect((await h.client.getAppointments({ ids: ids(day) }, colleague)).appointments).toEqual([]);
    const perPatient = await h.client.listAppointmentsForPatients({ patientIds: [patientA, patientB] }, colleague);
    expect(perPatient.patients.map((p) => p.appointments.length)).toEqual([0, 0]);
    // Reception (ward staff) and admins still see every doctor's appointments.
    expect((await h.client.getAppointments({ ids: ids(day) }, { metadata: h.as('ward_staff') })).appointments).toHaveLength(5);
    expect((await h.client.listAppointments({ doctorId }, { metadata: h.as('ward_staff') })).appointments).toHaveLength(5);
  });

  it('refuses bad filters, forged cursors and negative pages; caps large ones', async () => {
    const admin = { metadata: h.as('admin') };
    await expectGrpcError(h.client.listAppointments({ doctorId: 'x' }, admin), status.INVALID_ARGUMENT, { field: 'doctorId' });
    await expectGrpcError(h.client.listAppointments({ from: h.slot(60).startsAt, to: h.slot(0).startsAt }, admin), status.INVALID_ARGUMENT, { field: 'to' });
    await expectGrpcError(h.client.listAppointments({ page: { after: 'garbage' } }, admin), status.INVALID_ARGUMENT, { field: 'after' });
    await expectGrpcError(h.client.listAppointments({ page: { first: -1 } }, admin), status.INVALID_ARGUMENT, { field: 'first' });
    await expectGrpcError(h.client.listAppointments({ statuses: ['APPOINTMENT_STATUS_UNSPECIFIED'] }, admin), status.INVALID_ARGUMENT, { field: 'statuses' });
    const big = await h.client.listAppointments({ doctorId, page: { first: 1000 } }, admin);
    expect(big.appointments).toHaveLength(5);
  });

  it('is closed to pharmacy and finance', async () => {
    for (const role of ['pharmacist', 'finance'] as const) {
      await expectGrpcError(h.client.listAppointments({}, { metadata: h.as(role) }), status.PERMISSION_DENIED);
      await expectGrpcError(h.client.getAppointments({ ids: [] }, { metadata: h.as(role) }), status.PERMISSION_DENIED);
    }
  });
});

describe('ListAppointmentsForPatients', () => {
  it('answers a page per patient in request order, in one call, empty pages included', async () => {
    const nobody = await h.newPatient();
    const { patients } = await h.client.listAppointmentsForPatients({ patientIds: [patientB, nobody, patientA], page: { first: 2 } }, { metadata: h.as('doctor', doctorId) });
    expect(patients.map((p) => [p.patientId, ids(p.appointments), p.pageInfo?.totalCount, p.pageInfo?.hasNextPage])).toEqual([
      [patientB, [day[1]!.id, day[4]!.id], 2, false],
      [nobody, [], 0, false],
      [patientA, [day[0]!.id, day[2]!.id], 3, true],
    ]);
    const next = await h.client.listAppointmentsForPatients(
      { patientIds: [patientA], page: { first: 2, after: patients[2]!.pageInfo!.endCursor } },
      { metadata: h.as('doctor', doctorId) },
    );
    expect(ids(next.patients[0]!.appointments)).toEqual([day[3]!.id]);
  });

  it('applies the window and statuses to every patient', async () => {
    const { patients } = await h.client.listAppointmentsForPatients({ patientIds: [patientA, patientB], statuses: ['APPOINTMENT_STATUS_CANCELLED'] }, { metadata: h.as('admin') });
    expect(patients.map((p) => ids(p.appointments))).toEqual([[day[3]!.id], []]);
  });

  it('leaves the status history out (unread) when the caller omits it, and keeps it otherwise', async () => {
    const admin = { metadata: h.as('admin') };
    const full = await h.client.listAppointmentsForPatients({ patientIds: [patientA] }, admin);
    const lean = await h.client.listAppointmentsForPatients({ patientIds: [patientA], omitHistory: true }, admin);
    expect(ids(lean.patients[0]!.appointments)).toEqual(ids(full.patients[0]!.appointments));
    expect(full.patients[0]!.appointments.every((a) => a.history.length > 0)).toBe(true);
    expect(lean.patients[0]!.appointments.map((a) => a.history)).toEqual(lean.patients[0]!.appointments.map(() => []));
  });
});

describe('ListDoctorPatients', () => {
  it("lists a doctor's own patients, latest appointment first; never a colleague's", async () => {
    // B's latest appointment (11:00) is later than A's (10:00, cancelled still counts).
    const mine = await h.client.listDoctorPatients({}, { metadata: h.as('doctor', doctorId) });
    expect(mine.patientIds).toEqual([patientB, patientA]);
    expect((await h.client.listDoctorPatients({ limit: 1 }, { metadata: h.as('doctor', doctorId) })).patientIds).toEqual([patientB]);
    const colleague = { metadata: h.as('doctor', await h.newDoctor()) };
    expect((await h.client.listDoctorPatients({}, colleague)).patientIds).toEqual([]);
    await expectGrpcError(h.client.listDoctorPatients({ doctorId }, colleague), status.PERMISSION_DENIED);
    // Admins name the doctor.
    await expectGrpcError(h.client.listDoctorPatients({}, { metadata: h.as('admin') }), status.INVALID_ARGUMENT, { field: 'doctorId' });
    expect((await h.client.listDoctorPatients({ doctorId }, { metadata: h.as('admin') })).patientIds).toEqual([patientB, patientA]);
    await expectGrpcError(h.client.listDoctorPatients({ limit: -1 }, { metadata: h.as('doctor', doctorId) }), status.INVALID_ARGUMENT, { field: 'first' });
  });
});
