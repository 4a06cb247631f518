import { describe, expect, it } from 'vitest';
import { parseRequest } from '@hospital/service-kit';
import { bookAppointmentSchema } from './book-appointment.schema.ts';
import { pullEventsSchema } from './events.schema.ts';
import { listAppointmentsSchema } from './list-appointments.schema.ts';

const id = '6f1c1f0e-7a53-4f5e-9a54-0f6c2f1f2a11';

describe('bookAppointmentSchema', () => {
  it('turns times into instants, empty doctor into "none" and blank reasons into null', () => {
    expect(parseRequest(bookAppointmentSchema, { patientId: id, doctorId: '', startsAt: '2026-11-25T10:00:00+01:00', endsAt: '2026-11-25T09:30:00Z', reason: '  ' })).toEqual({
      patientId: id,
      doctorId: undefined,
      startsAt: new Date('2026-11-25T09:00:00Z'),
      endsAt: new Date('2026-11-25T09:30:00Z'),
      reason: null,
    });
  });

  it('keeps multi-line reasons and refuses times without an offset', () => {
    const parsed = parseRequest(bookAppointmentSchema, { patientId: id, startsAt: '2026-11-25T09:00:00Z', endsAt: '2026-11-25T09:30:00Z', reason: 'Cough\nFever' });
    expect(parsed.reason).toBe('Cough\nFever');
    expect(() => parseRequest(bookAppointmentSchema, { patientId: id, startsAt: '2026-11-25T09:00:00', endsAt: '2026-11-25T09:30:00Z' })).toThrow(
      expect.objectContaining({ field: 'startsAt' }),
    );
  });
});

describe('listAppointmentsSchema and pullEventsSchema', () => {
  it('maps proto statuses (names or numbers) and defaults the window to open', () => {
    expect(parseRequest(listAppointmentsSchema, { statuses: ['APPOINTMENT_STATUS_CHECKED_IN', 5], from: '', to: '' })).toMatchObject({
      statuses: ['CHECKED_IN', 'NO_SHOW'],
      from: undefined,
      to: undefined,
      page: { first: 0, after: '' },
    });
  });

  it('defaults a pull to 100 events', () => {
    expect(parseRequest(pullEventsSchema, { consumer: 'notifications', max: 0 })).toEqual({ consumer: 'notifications', max: 100 });
  });
});
