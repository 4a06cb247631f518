import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { Contacts } from '../departments/contact-directory.ts';
import type { AppointmentEventV1 } from '@hospital/grpc-contracts';
import { planDeliveries } from './plan-deliveries.ts';

const patientId = randomUUID();
const doctorId = randomUUID();
const payload: AppointmentEventV1 = {
  version: 1,
  eventId: randomUUID(),
  type: 'BOOKED',
  occurredAt: '2026-11-24T09:00:00.000Z',
  actorId: doctorId,
  appointment: {
    id: randomUUID(),
    patientId,
    doctorId,
    startsAt: '2026-11-25T09:30:00.000Z',
    endsAt: '2026-11-25T10:00:00.000Z',
    status: 'SCHEDULED',
    reason: 'Chest pain',
  },
};

function contacts(patient: { email: string | null; phone: string | null } | null, doctor: { email: string | null } | null): Contacts {
  return {
    patients: new Map(patient ? [[patientId, { id: patientId, ...patient }]] : []),
    doctors: new Map(doctor ? [[doctorId, { id: doctorId, displayName: 'Dr Hopper', ...doctor }]] : []),
  };
}

describe('planDeliveries', () => {
  it('reaches the patient by email and SMS and the doctor by email and in-app', () => {
    const drafts = planDeliveries(payload, contacts({ email: 'ada@example.org', phone: '+44 7700 900123' }, { email: 'dr@h.local' }), 'Europe/London');
    expect(drafts.map((d) => [d.channel, d.recipientKind, d.recipientId, d.address])).toEqual([
      ['email', 'patient', patientId, 'ada@example.org'],
      ['sms', 'patient', patientId, '+44 7700 900123'],
      ['email', 'doctor', doctorId, 'dr@h.local'],
      ['in_app', 'doctor', doctorId, null],
    ]);
    for (const draft of drafts) expect(draft).toMatchObject({ eventId: payload.eventId, eventType: 'BOOKED', appointmentId: payload.appointment.id });
    // No stored or sent message carries the visit reason: the inbox is read later, under whatever
    // role its owner holds then; the reason is read through the appointment, checked at read time.
    for (const draft of drafts) expect(`${draft.subject} ${draft.body}`).not.toMatch(/chest pain/i);
  });

  it('uses only the channels the contact details allow', () => {
    const none = planDeliveries(payload, contacts({ email: null, phone: null }, null), 'Europe/London');
    expect(none).toEqual([]);
    const smsOnly = planDeliveries(payload, contacts({ email: null, phone: '07700 900123' }, { email: null }), 'Europe/London');
    expect(smsOnly.map((d) => d.channel)).toEqual(['sms', 'in_app']);
  });

  it('is deterministic, so a re-processed event plans the same rows', () => {
    const c = contacts({ email: 'ada@example.org', phone: null }, { email: 'dr@h.local' });
    expect(planDeliveries(payload, c, 'Europe/London')).toEqual(planDeliveries(payload, c, 'Europe/London'));
  });
});
