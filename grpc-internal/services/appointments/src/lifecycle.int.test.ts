/** Status changes and rescheduling through the real service: the transition table, ownership, history. */
import { randomUUID } from 'node:crypto';
import { status } from '@grpc/grpc-js';
import { describe, expect, it } from 'vitest';
import { testDatabaseUrl } from '../../../../test/helpers.ts';
import { startAppointmentsHarness } from './testing/appointments-harness.ts';
import { expectGrpcError, harnessForFile } from '@hospital/service-kit/testing';

const h = harnessForFile(() => startAppointmentsHarness(testDatabaseUrl()));

async function booked(offset = 0) {
  const [doctorId, patientId] = await Promise.all([h.newDoctor(), h.newPatient()]);
  const appointment = await h.client.bookAppointment({ patientId, doctorId, ...h.slot(offset), reason: 'Check-up' }, { metadata: h.as('admin') });
  return { doctorId, patientId, appointment, asDoctor: { metadata: h.as('doctor', doctorId) } };
}

describe('status changes', () => {
  it('walks SCHEDULED → CHECKED_IN → COMPLETED with who and when in the history', async () => {
    const { doctorId, appointment, asDoctor } = await booked();
    const nurseId = randomUUID();
    const checkedIn = await h.client.checkInAppointment({ id: appointment.id }, { metadata: h.as('ward_staff', nurseId) });
    expect(checkedIn.status).toBe('APPOINTMENT_STATUS_CHECKED_IN');
    const completed = await h.client.completeAppointment({ id: appointment.id }, asDoctor);
    expect(completed.status).toBe('APPOINTMENT_STATUS_COMPLETED');
    expect(completed.history.map((c) => [c.fromStatus, c.toStatus, c.changedBy])).toEqual([
      ['APPOINTMENT_STATUS_UNSPECIFIED', 'APPOINTMENT_STATUS_SCHEDULED', expect.any(String)],
      ['APPOINTMENT_STATUS_SCHEDULED', 'APPOINTMENT_STATUS_CHECKED_IN', nurseId],
      ['APPOINTMENT_STATUS_CHECKED_IN', 'APPOINTMENT_STATUS_COMPLETED', doctorId],
    ]);
    expect(Date.parse(completed.updatedAt)).toBeGreaterThanOrEqual(Date.parse(appointment.updatedAt));
  });

  it('refuses illegal transitions as BAD_USER_INPUT and leaves the appointment as it was', async () => {
    const { appointment, asDoctor } = await booked();
    const id = appointment.id;
    await expectGrpcError(h.client.completeAppointment({ id }, asDoctor), status.INVALID_ARGUMENT, { field: 'id', message: /scheduled cannot be completed/ });
    await h.client.cancelAppointment({ id, reason: 'Feeling better' }, asDoctor);
    await expectGrpcError(h.client.cancelAppointment({ id }, asDoctor), status.INVALID_ARGUMENT, { message: /already cancelled/ });
    await expectGrpcError(h.client.checkInAppointment({ id }, asDoctor), status.INVALID_ARGUMENT);
    await expectGrpcError(h.client.markNoShow({ id }, asDoctor), status.INVALID_ARGUMENT);
    await expectGrpcError(h.client.rescheduleAppointment({ id, ...h.slot(600) }, asDoctor), status.INVALID_ARGUMENT, { message: /cannot be rescheduled/ });
    const { appointments } = await h.client.getAppointments({ ids: [id] }, asDoctor);
    expect(appointments[0]).toMatchObject({ status: 'APPOINTMENT_STATUS_CANCELLED', startsAt: appointment.startsAt });
    expect(appointments[0]?.history.at(-1)).toMatchObject({ toStatus: 'APPOINTMENT_STATUS_CANCELLED', reason: 'Feeling better' });
  });

  it('cancels a checked-in visit but does not mark it a no-show (the patient came)', async () => {
    const { appointment, asDoctor } = await booked();
    await h.client.checkInAppointment({ id: appointment.id }, asDoctor);
    await expectGrpcError(h.client.markNoShow({ id: appointment.id }, asDoctor), status.INVALID_ARGUMENT);
    await expect(h.client.cancelAppointment({ id: appointment.id }, asDoctor)).resolves.toMatchObject({ status: 'APPOINTMENT_STATUS_CANCELLED' });
  });

  it('applies one of two racing changes; the other sees it and is refused', async () => {
    const { appointment, asDoctor } = await booked();
    await h.client.checkInAppointment({ id: appointment.id }, asDoctor);
    const results = await Promise.allSettled([h.client.completeAppointment({ id: appointment.id }, asDoctor), h.client.cancelAppointment({ id: appointment.id }, asDoctor)]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const { appointments } = await h.client.getAppointments({ ids: [appointment.id] }, asDoctor);
    expect(appointments[0]?.history).toHaveLength(3);
  });

  it("keeps doctors to their own appointments: a colleague's is NOT_FOUND, as an unknown id is", async () => {
    const { appointment } = await booked();
    const colleague = { metadata: h.as('doctor', await h.newDoctor()) };
    const id = appointment.id;
    await expectGrpcError(h.client.cancelAppointment({ id }, colleague), status.NOT_FOUND, { message: /No appointment with this id/ });
    await expectGrpcError(h.client.markNoShow({ id }, colleague), status.NOT_FOUND);
    await expectGrpcError(h.client.rescheduleAppointment({ id, ...h.slot(700) }, colleague), status.NOT_FOUND);
    await expectGrpcError(h.client.checkInAppointment({ id }, colleague), status.NOT_FOUND);
    // Reception checks in for any doctor; an admin completes.
    await h.client.checkInAppointment({ id }, { metadata: h.as('ward_staff') });
    await expectGrpcError(h.client.completeAppointment({ id }, colleague), status.NOT_FOUND);
    await expect(h.client.completeAppointment({ id }, { metadata: h.as('admin') })).resolves.toMatchObject({ status: 'APPOINTMENT_STATUS_COMPLETED' });
  });

  it('answers NOT_FOUND for unknown ids and keeps completing and no-shows from ward staff', async () => {
    const admin = { metadata: h.as('admin') };
    await expectGrpcError(h.client.cancelAppointment({ id: randomUUID() }, admin), status.NOT_FOUND);
    await expectGrpcError(h.client.rescheduleAppointment({ id: randomUUID(), ...h.slot(0) }, admin), status.NOT_FOUND);
    await expectGrpcError(h.client.checkInAppointment({ id: 'nope' }, admin), status.INVALID_ARGUMENT, { field: 'id' });
    const { appointment } = await booked();
    for (const call of [h.client.completeAppointment, h.client.markNoShow]) {
      await expectGrpcError(call({ id: appointment.id }, { metadata: h.as('ward_staff') }), status.PERMISSION_DENIED);
    }
  });

  it("lets reception (ward staff) move and cancel any doctor's appointment", async () => {
    const { appointment } = await booked(1300);
    const desk = { metadata: h.as('ward_staff') };
    const moved = await h.client.rescheduleAppointment({ id: appointment.id, ...h.slot(1340) }, desk);
    expect(moved).toMatchObject({ id: appointment.id, status: 'APPOINTMENT_STATUS_SCHEDULED' });
    expect(Date.parse(moved.startsAt)).toBe(Date.parse(h.slot(1340).startsAt));
    await expect(h.client.cancelAppointment({ id: appointment.id, reason: 'Patient phoned the ward desk' }, desk)).resolves.toMatchObject({
      status: 'APPOINTMENT_STATUS_CANCELLED',
    });
  });
});

describe('RescheduleAppointment', () => {
  it('moves the slot, keeps the status and history, and applies the slot rules', async () => {
    const { appointment, asDoctor } = await booked(800);
    const moved = await h.client.rescheduleAppointment({ id: appointment.id, ...h.slot(900, 45) }, asDoctor);
    expect(moved).toMatchObject({ ...h.slot(900, 45), status: 'APPOINTMENT_STATUS_SCHEDULED', history: appointment.history });
    const { startsAt } = h.slot(900);
    await expectGrpcError(h.client.rescheduleAppointment({ id: appointment.id, startsAt, endsAt: startsAt }, asDoctor), status.INVALID_ARGUMENT, { field: 'endsAt' });
  });
});
