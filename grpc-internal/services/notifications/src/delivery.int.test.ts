/**
 * Appointment → notifications → delivery, every hop real: an appointment booked through the
 * appointments gRPC service reaches the doctor's inbox and, as email over SMTP, a local sink; a
 * refusing mail server is retried with backoff until it accepts. This file is the only one whose
 * service sends email, so no other test's sender takes its deliveries.
 */
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { harnessForFile } from '@hospital/service-kit/testing';
import { testDatabaseUrl } from '../../../../test/helpers.ts';
import { eventually as poll, startNotificationsHarness } from './testing/notifications-harness.ts';

const harness = harnessForFile(() => startNotificationsHarness(testDatabaseUrl()));

const deliveriesOf = (appointmentId: string) =>
  harness.db.notificationDelivery.findMany({
    where: { appointmentId },
    include: { attempts: { orderBy: { number: 'asc' } } },
    orderBy: [{ channel: 'asc' }, { recipientKind: 'asc' }],
  });

/** In a full run other files' waiting emails may be ahead of ours in the queue: a generous deadline. */
const eventually = <T>(probe: () => Promise<T | undefined>, what: string) => poll(probe, what, 30_000);

const uniqueEmail = () => `patient-${randomUUID().slice(0, 12)}@example.org`;

describe('booking an appointment', () => {
  it('puts a notification in the doctor inbox and emails both patient and doctor through SMTP', async () => {
    const doctor = await harness.newDoctor();
    const patientEmail = uniqueEmail();
    const patientId = await harness.newPatient({ email: patientEmail, phone: '+44 7700 900123' });
    const appointment = await harness.book(doctor.id, patientId, 0);

    const inbox = await eventually(async () => {
      const page = await harness.notifications.listMyNotifications({}, { metadata: harness.as('doctor', doctor.id) });
      return page.notifications.find((n) => n.appointmentId === appointment.id);
    }, 'the in-app notification');
    expect(inbox).toMatchObject({ channel: 'CHANNEL_IN_APP', title: 'New appointment', eventType: 'BOOKED', readAt: '' });
    expect(inbox.body).not.toContain('cough');

    const toPatient = await eventually(async () => harness.sink.received.find((mail) => mail.to.includes(patientEmail)), 'the patient email');
    expect(toPatient.subject).toBe('Your appointment is booked');
    expect(toPatient.raw).toContain('Dr Notify');
    expect(toPatient.raw).not.toContain('cough');
    const toDoctor = await eventually(async () => harness.sink.received.find((mail) => mail.to.includes(doctor.email)), 'the doctor email');
    expect(toDoctor.subject).toBe('New appointment');

    const deliveries = await eventually(async () => {
      const rows = await deliveriesOf(appointment.id);
      return rows.length === 4 && rows.every((row) => row.status === 'sent') ? rows : undefined;
    }, 'four sent deliveries');
    expect(deliveries.map((d) => [d.channel, d.recipientKind])).toEqual([
      ['email', 'patient'],
      ['email', 'doctor'],
      ['sms', 'patient'],
      ['in_app', 'doctor'],
    ]);
    for (const delivery of deliveries) {
      expect(delivery.attempts.map((a) => [a.number, a.outcome])).toEqual([[1, 'sent']]);
      expect(delivery.sentAt).not.toBeNull();
    }
    expect(deliveries.find((d) => d.channel === 'sms')?.body).not.toContain('cough');
    // The delivery id in the email header is the row's id: the sink got the message of that row.
    expect(deliveries.map((d) => d.id)).toEqual(expect.arrayContaining([toPatient.deliveryId, toDoctor.deliveryId]));
  });
});

describe('a mail server that refuses', () => {
  it('is retried with growing delays, every attempt recorded, until it accepts', async () => {
    const doctor = await harness.newDoctor();
    const patientEmail = uniqueEmail();
    const patientId = await harness.newPatient({ email: patientEmail });
    harness.sink.refuse(true);
    try {
      const appointment = await harness.book(doctor.id, patientId, 60);
      const patientDelivery = () => deliveriesOf(appointment.id).then((rows) => rows.find((row) => row.channel === 'email' && row.recipientKind === 'patient'));
      await eventually(async () => {
        const delivery = await patientDelivery();
        return delivery && delivery.attempts.length >= 2 ? delivery : undefined;
      }, 'two failed attempts');
      harness.sink.refuse(false);
      const sent = await eventually(async () => {
        const delivery = await patientDelivery();
        return delivery?.status === 'sent' ? delivery : undefined;
      }, 'the retried email to be sent');

      const outcomes = sent.attempts.map((a) => a.outcome);
      expect(outcomes.at(-1)).toBe('sent');
      expect(outcomes.slice(0, -1).every((o) => o === 'failed')).toBe(true);
      expect(outcomes.length).toBeGreaterThanOrEqual(3);
      expect(sent.attempts.map((a) => a.number)).toEqual(outcomes.map((_, i) => i + 1));
      // Backoff: each wait at least the policy's delay (100 ms, 200 ms, …).
      for (let i = 1; i < sent.attempts.length; i++) {
        const gap = sent.attempts[i]!.attemptedAt.getTime() - sent.attempts[i - 1]!.attemptedAt.getTime();
        expect(gap).toBeGreaterThanOrEqual(Math.min(100 * 2 ** (i - 1), 1_000));
      }
      const failure = sent.attempts[0]!.error ?? '';
      expect(failure).toMatch(/451/);
      expect(failure).not.toContain(patientEmail);
      expect(sent.lastError).toBe(failure);
      expect(harness.sink.received.some((mail) => mail.to.includes(patientEmail))).toBe(true);
    } finally {
      harness.sink.refuse(false);
    }
  });
});

describe('a mail server that never accepts', () => {
  it('gives up after the last attempt and marks the delivery FAILED', async () => {
    const doctor = await harness.newDoctor();
    const patientEmail = uniqueEmail();
    const patientId = await harness.newPatient({ email: patientEmail });
    harness.sink.refuse(true);
    try {
      const appointment = await harness.book(doctor.id, patientId, 120);
      const failed = await eventually(async () => {
        const rows = await deliveriesOf(appointment.id);
        return rows.find((row) => row.channel === 'email' && row.recipientKind === 'patient' && row.status === 'failed');
      }, 'the email to be given up');
      const { maxAttempts } = harness.config.retry;
      expect(failed.attemptCount).toBe(maxAttempts);
      expect(failed.attempts.map((a) => [a.number, a.outcome])).toEqual(Array.from({ length: maxAttempts }, (_, i) => [i + 1, 'failed']));
      expect(failed.nextAttemptAt).toBeNull();
      expect(failed.sentAt).toBeNull();
    } finally {
      harness.sink.refuse(false);
    }
  });
});
