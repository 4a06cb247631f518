import { describe, expect, it } from 'vitest';
import { APPOINTMENT_EVENT_TYPES } from '@hospital/grpc-contracts';
import { renderMessage, type TemplateInput, type TemplateKind } from './appointment-templates.ts';

const input = (overrides: Partial<TemplateInput> = {}): TemplateInput => ({
  type: 'BOOKED',
  startsAt: '2026-11-25T09:30:00.000Z',
  endsAt: '2026-11-25T10:00:00.000Z',
  doctorName: 'Dr Grace Hopper',
  timeZone: 'Europe/London',
  ...overrides,
});
const KINDS: TemplateKind[] = ['patient-email', 'patient-sms', 'doctor-email', 'doctor-in-app'];

describe('renderMessage', () => {
  it('tells the patient, by email and SMS, when and with whom', () => {
    expect(renderMessage('patient-email', input())).toEqual({
      subject: 'Your appointment is booked',
      body: 'Hello,\n\nYour appointment with Dr Grace Hopper is booked for Wed 25 Nov 2026, 09:30–10:00 GMT.\n\nTo change or cancel an appointment, please contact the hospital.\n',
    });
    expect(renderMessage('patient-sms', input({ type: 'RESCHEDULED' })).body).toBe('Hospital: Your appointment with Dr Grace Hopper has moved to Wed 25 Nov 2026, 09:30 GMT.');
  });

  it('tells the doctor what happened when, in-app and by email, naming no patient', () => {
    expect(renderMessage('doctor-in-app', input())).toEqual({
      subject: 'New appointment',
      body: 'New appointment: Wed 25 Nov 2026, 09:30–10:00 GMT.',
    });
    expect(renderMessage('doctor-email', input({ type: 'CANCELLED' }))).toEqual({
      subject: 'Appointment cancelled',
      body: 'Appointment cancelled: the appointment on Wed 25 Nov 2026, 09:30–10:00 GMT.\n\nOpen the hospital app for the details.\n',
    });
  });

  it.each(APPOINTMENT_EVENT_TYPES)('names no patient and no MRN in any message (%s)', (type) => {
    for (const kind of KINDS) {
      const { subject, body } = renderMessage(kind, input({ type }));
      expect(`${subject} ${body}`).not.toMatch(/MRN/i);
    }
  });

  it('has a subject and a body for every event type and kind, and SMS fits one message', () => {
    for (const type of APPOINTMENT_EVENT_TYPES) {
      for (const kind of KINDS) {
        const { subject, body } = renderMessage(kind, input({ type }));
        expect(subject.length).toBeGreaterThan(0);
        expect(body.length).toBeGreaterThan(0);
      }
      expect(renderMessage('patient-sms', input({ type, doctorName: 'Dr A' })).body.length).toBeLessThanOrEqual(160);
    }
  });

  it('says where a rescheduled appointment moved from, except in SMS', () => {
    const moved = input({ type: 'RESCHEDULED', previous: { startsAt: '2026-11-24T14:00:00.000Z', endsAt: '2026-11-24T14:30:00.000Z' } });
    expect(renderMessage('patient-email', moved).body).toContain('has moved from Tue 24 Nov 2026, 14:00–14:30 GMT to Wed 25 Nov 2026, 09:30–10:00 GMT.');
    expect(renderMessage('doctor-in-app', moved).body).toContain('Wed 25 Nov 2026, 09:30–10:00 GMT (was Tue 24 Nov 2026, 14:00–14:30 GMT).');
    expect(renderMessage('doctor-email', moved).body).toContain('(moved from Tue 24 Nov 2026, 14:00–14:30 GMT)');
    expect(renderMessage('patient-sms', moved).body).toBe('Hospital: Your appointment with Dr Grace Hopper has moved to Wed 25 Nov 2026, 09:30 GMT.');
  });

  it('copes with unknown names and uses the configured zone', () => {
    const bare = input({ doctorName: null, timeZone: 'America/New_York' });
    expect(renderMessage('doctor-in-app', bare).body).toBe('New appointment: Wed 25 Nov 2026, 04:30–05:00 GMT-5.');
    expect(renderMessage('patient-sms', bare).body).toContain('with your doctor');
  });
});
