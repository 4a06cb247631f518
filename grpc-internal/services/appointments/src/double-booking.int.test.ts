/**
 * No double booking, proven with truly parallel calls: the requests are all in flight before any
 * answer arrives, and only the database's exclusion constraints stand between them.
 */
import { status, type ServiceError } from '@grpc/grpc-js';
import { describe, expect, it } from 'vitest';
import { testDatabaseUrl } from '../../../../test/helpers.ts';
import { startAppointmentsHarness } from './testing/appointments-harness.ts';
import { expectGrpcError, harnessForFile } from '@hospital/service-kit/testing';

const h = harnessForFile(() => startAppointmentsHarness(testDatabaseUrl()));

/** Outcomes of settled calls: successes, and the gRPC codes and messages of failures. */
function outcomes(results: PromiseSettledResult<unknown>[]) {
  const failures = results.flatMap((r) => (r.status === 'rejected' ? [r.reason as ServiceError] : []));
  return { ok: results.length - failures.length, codes: failures.map((f) => status[f.code]), messages: failures.map((f) => f.details) };
}

describe('double booking under concurrency', () => {
  it('lets exactly one of 10 parallel bookings of the same doctor slot through', async () => {
    const doctorId = await h.newDoctor();
    const patients = await Promise.all(Array.from({ length: 10 }, () => h.newPatient()));
    const slot = h.slot(0);
    const results = await Promise.allSettled(patients.map((patientId) => h.client.bookAppointment({ patientId, doctorId, ...slot }, { metadata: h.as('admin') })));
    const { ok, codes, messages } = outcomes(results);
    expect(ok).toBe(1);
    expect(codes).toEqual(Array(9).fill('ALREADY_EXISTS'));
    const day = slot.startsAt.slice(0, 10);
    for (const message of messages) expect(message).toBe(`The doctor already has an appointment ${day} 08:00–08:30 UTC.`);
    const { pageInfo } = await h.client.listAppointments({ doctorId }, { metadata: h.as('admin') });
    expect(pageInfo?.totalCount).toBe(1);
  });

  it('refuses overlapping but different slots in parallel, and allows back-to-back ones', async () => {
    const doctorId = await h.newDoctor();
    // Five different slots that all contain 08:17, so any two of them overlap, sent at once.
    const slots = [h.slot(0), h.slot(15), h.slot(-5), h.slot(10, 10), h.slot(-30, 90)];
    const patients = await Promise.all(slots.map(() => h.newPatient()));
    const results = await Promise.allSettled(slots.map((slot, i) => h.client.bookAppointment({ patientId: patients[i]!, doctorId, ...slot }, { metadata: h.as('admin') })));
    expect(outcomes(results)).toMatchObject({ ok: 1, codes: Array(4).fill('ALREADY_EXISTS') });
    const winner = results.findIndex((r) => r.status === 'fulfilled');
    const taken = slots[winner]!;
    // Right after the winner ends, and right before it starts: half-open ranges do not touch.
    const after = { startsAt: taken.endsAt, endsAt: new Date(Date.parse(taken.endsAt) + 30 * 60_000).toISOString() };
    const before = { startsAt: new Date(Date.parse(taken.startsAt) - 30 * 60_000).toISOString(), endsAt: taken.startsAt };
    for (const slot of [after, before]) {
      await expect(h.client.bookAppointment({ patientId: await h.newPatient(), doctorId, ...slot }, { metadata: h.as('admin') })).resolves.toMatchObject(slot);
    }
  });

  it('keeps a patient from two doctors at once, and names the patient side without naming anyone', async () => {
    const [doctorA, doctorB, patientId] = await Promise.all([h.newDoctor(), h.newDoctor(), h.newPatient()]);
    const results = await Promise.allSettled([
      h.client.bookAppointment({ patientId, doctorId: doctorA, ...h.slot(120) }, { metadata: h.as('doctor', doctorA) }),
      h.client.bookAppointment({ patientId, doctorId: doctorB, ...h.slot(130) }, { metadata: h.as('doctor', doctorB) }),
    ]);
    const { ok, codes, messages } = outcomes(results);
    expect([ok, codes]).toEqual([1, ['ALREADY_EXISTS']]);
    expect(messages[0]).toMatch(/^The patient already has an appointment \d{4}-\d{2}-\d{2} 10:[0-9]{2}–10:[0-9]{2} UTC\.$/);
    expect(messages[0]).not.toMatch(/Appt|Patient[a-z]/);
  });

  it('frees the slot of a cancelled or no-show appointment', async () => {
    const [doctorId, p1, p2, p3] = await Promise.all([h.newDoctor(), h.newPatient(), h.newPatient(), h.newPatient()]);
    const admin = { metadata: h.as('admin') };
    const first = await h.client.bookAppointment({ patientId: p1, doctorId, ...h.slot(240) }, admin);
    await expectGrpcError(h.client.bookAppointment({ patientId: p2, doctorId, ...h.slot(240) }, admin), status.ALREADY_EXISTS);
    await h.client.cancelAppointment({ id: first.id, reason: 'Patient called' }, admin);
    const second = await h.client.bookAppointment({ patientId: p2, doctorId, ...h.slot(240) }, admin);
    await h.client.markNoShow({ id: second.id }, admin);
    await expect(h.client.bookAppointment({ patientId: p3, doctorId, ...h.slot(240) }, admin)).resolves.toMatchObject({ status: 'APPOINTMENT_STATUS_SCHEDULED' });
  });

  it('lets a reschedule and a booking race for the same slot: exactly one wins, in either order', async () => {
    for (let round = 0; round < 5; round++) {
      const [doctorId, p1, p2] = await Promise.all([h.newDoctor(), h.newPatient(), h.newPatient()]);
      const admin = { metadata: h.as('admin') };
      const moving = await h.client.bookAppointment({ patientId: p1, doctorId, ...h.slot(300) }, admin);
      const target = h.slot(360);
      const results = await Promise.allSettled([
        h.client.rescheduleAppointment({ id: moving.id, ...target }, admin),
        h.client.bookAppointment({ patientId: p2, doctorId, ...target }, admin),
      ]);
      expect(outcomes(results)).toMatchObject({ ok: 1, codes: ['ALREADY_EXISTS'] });
      const { appointments } = await h.client.listAppointments({ doctorId, from: target.startsAt, to: target.endsAt }, admin);
      expect(appointments).toHaveLength(1);
    }
  });

  it('reschedules into its own overlapping slot (it does not clash with itself)', async () => {
    const [doctorId, patientId] = await Promise.all([h.newDoctor(), h.newPatient()]);
    const booked = await h.client.bookAppointment({ patientId, doctorId, ...h.slot(420) }, { metadata: h.as('admin') });
    const moved = await h.client.rescheduleAppointment({ id: booked.id, ...h.slot(435) }, { metadata: h.as('doctor', doctorId) });
    expect(moved).toMatchObject({ id: booked.id, ...h.slot(435), status: 'APPOINTMENT_STATUS_SCHEDULED' });
  });
});
