/** BookAppointment through the real service, with the real identity and patients services behind it. */
import { randomUUID } from 'node:crypto';
import { Metadata, status } from '@grpc/grpc-js';
import { describe, expect, it } from 'vitest';
import { testDatabaseUrl } from '../../../../test/helpers.ts';
import { startAppointmentsHarness } from './testing/appointments-harness.ts';
import { expectGrpcError, harnessForFile } from '@hospital/service-kit/testing';

const h = harnessForFile(() => startAppointmentsHarness(testDatabaseUrl()));

describe('BookAppointment', () => {
  it('books a doctor for themself and records the booking in the history', async () => {
    const [doctorId, patientId] = await Promise.all([h.newDoctor(), h.newPatient()]);
    const slot = h.slot(0);
    const booked = await h.client.bookAppointment({ patientId, ...slot, reason: '  Follow-up  ' }, { metadata: h.as('doctor', doctorId) });
    expect(booked).toMatchObject({ patientId, doctorId, ...slot, reason: 'Follow-up', status: 'APPOINTMENT_STATUS_SCHEDULED' });
    expect(booked.history).toEqual([
      { fromStatus: 'APPOINTMENT_STATUS_UNSPECIFIED', toStatus: 'APPOINTMENT_STATUS_SCHEDULED', changedBy: doctorId, changedAt: expect.any(String), reason: '' },
    ]);
    const { appointments } = await h.client.getAppointments({ ids: [booked.id, randomUUID()] }, { metadata: h.as('ward_staff') });
    expect(appointments).toEqual([booked]);
  });

  it('normalises offsets to UTC', async () => {
    const [doctorId, patientId] = await Promise.all([h.newDoctor(), h.newPatient()]);
    const { startsAt } = h.slot(60);
    const local = new Date(startsAt).toISOString().replace('Z', '+00:00');
    const end = new Date(Date.parse(startsAt) + 30 * 60_000);
    const plusTwo = new Date(end.getTime() + 2 * 3_600_000).toISOString().replace('Z', '+02:00');
    const booked = await h.client.bookAppointment({ patientId, doctorId, startsAt: local, endsAt: plusTwo }, { metadata: h.as('admin') });
    expect([booked.startsAt, booked.endsAt]).toEqual([startsAt, end.toISOString()]);
  });

  it('makes an admin name the doctor, and refuses a doctor booking for a colleague', async () => {
    const [doctorId, colleague, patientId] = await Promise.all([h.newDoctor(), h.newDoctor(), h.newPatient()]);
    await expectGrpcError(h.client.bookAppointment({ patientId, ...h.slot(0) }, { metadata: h.as('admin') }), status.INVALID_ARGUMENT, { field: 'doctorId' });
    await expectGrpcError(h.client.bookAppointment({ patientId, doctorId: colleague, ...h.slot(0) }, { metadata: h.as('doctor', doctorId) }), status.PERMISSION_DENIED);
    const own = await h.client.bookAppointment({ patientId, doctorId, ...h.slot(0) }, { metadata: h.as('doctor', doctorId) });
    expect(own.doctorId).toBe(doctorId);
  });

  it('lets reception (ward staff) book for any doctor it names', async () => {
    const [doctorId, nurseId, patientId] = await Promise.all([h.newDoctor(), h.newUser('ROLE_WARD_STAFF'), h.newPatient()]);
    const nurse = { metadata: h.as('ward_staff', nurseId) };
    await expectGrpcError(h.client.bookAppointment({ patientId, ...h.slot(0) }, nurse), status.INVALID_ARGUMENT, { field: 'doctorId' });
    const booked = await h.client.bookAppointment({ patientId, doctorId, ...h.slot(0) }, nurse);
    expect(booked).toMatchObject({ patientId, doctorId, status: 'APPOINTMENT_STATUS_SCHEDULED' });
    expect(booked.history[0]?.changedBy).toBe(nurseId);
  });

  it('asks the patients and identity services: unknown, archived, not a doctor', async () => {
    const [doctorId, nurseId, archived] = await Promise.all([h.newDoctor(), h.newUser('ROLE_WARD_STAFF'), h.newPatient()]);
    await h.patients.archivePatient({ id: archived }, { metadata: h.as('admin') });
    const patientId = await h.newPatient();
    const admin = { metadata: h.as('admin') };
    await expectGrpcError(h.client.bookAppointment({ patientId: randomUUID(), doctorId, ...h.slot(0) }, admin), status.NOT_FOUND, { message: /patient/ });
    await expectGrpcError(h.client.bookAppointment({ patientId: archived, doctorId, ...h.slot(0) }, admin), status.INVALID_ARGUMENT, { field: 'patientId' });
    await expectGrpcError(h.client.bookAppointment({ patientId, doctorId: randomUUID(), ...h.slot(0) }, admin), status.NOT_FOUND);
    await expectGrpcError(h.client.bookAppointment({ patientId, doctorId: nurseId, ...h.slot(0) }, admin), status.INVALID_ARGUMENT, { field: 'doctorId' });
    // A doctor whose account is deactivated takes no new appointments.
    const leaver = await h.newDoctor();
    await h.identity.deactivateUser({ id: leaver }, admin);
    await expectGrpcError(h.client.bookAppointment({ patientId, doctorId: leaver, ...h.slot(0) }, admin), status.INVALID_ARGUMENT, { message: /no longer active/ });
  });

  it.each([
    ['startsAt', { startsAt: 'tomorrow at nine' }],
    ['startsAt', { startsAt: '2030-01-01T09:00:00' }],
    ['endsAt', { endsAt: '' }],
    ['patientId', { patientId: 'nope' }],
    ['doctorId', { doctorId: 'nope' }],
    ['reason', { reason: 'x'.repeat(501) }],
    ['reason', { reason: 'bell\u0007' }],
  ])('blames %s for malformed input %o', async (field, override) => {
    const request = { patientId: randomUUID(), doctorId: randomUUID(), ...h.slot(0), ...override };
    await expectGrpcError(h.client.bookAppointment(request, { metadata: h.as('admin') }), status.INVALID_ARGUMENT, { field });
  });

  it('applies the slot rules: end after start, at most 12 hours, not in the past', async () => {
    const admin = { metadata: h.as('admin') };
    const base = { patientId: randomUUID(), doctorId: randomUUID() };
    const { startsAt } = h.slot(0);
    await expectGrpcError(h.client.bookAppointment({ ...base, startsAt, endsAt: startsAt }, admin), status.INVALID_ARGUMENT, { field: 'endsAt' });
    await expectGrpcError(h.client.bookAppointment({ ...base, ...h.slot(0, 12 * 60 + 1) }, admin), status.INVALID_ARGUMENT, { field: 'endsAt', message: /12 hours/ });
    const past = { startsAt: new Date(Date.now() - 3_600_000).toISOString(), endsAt: new Date(Date.now() - 1_800_000).toISOString() };
    await expectGrpcError(h.client.bookAppointment({ ...base, ...past }, admin), status.INVALID_ARGUMENT, { field: 'startsAt', message: /past/ });
  });

  it('admits admins, doctors and reception (ward staff) only; anonymous and unsigned calls are refused', async () => {
    const request = { patientId: randomUUID(), doctorId: randomUUID(), ...h.slot(0) };
    for (const role of ['pharmacist', 'finance'] as const) {
      await expectGrpcError(h.client.bookAppointment(request, { metadata: h.as(role) }), status.PERMISSION_DENIED);
    }
    await expectGrpcError(h.client.bookAppointment(request, { metadata: h.asAnonymous() }), status.UNAUTHENTICATED);
    await expectGrpcError(h.client.bookAppointment(request, { metadata: new Metadata() }), status.UNAUTHENTICATED);
  });
});
