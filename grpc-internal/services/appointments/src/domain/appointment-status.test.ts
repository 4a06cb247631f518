import { describe, expect, it } from 'vitest';
import { DomainError } from '@hospital/service-kit';
import { APPOINTMENT_STATUSES, assertReschedulable, assertTransition, canTransition, type AppointmentStatus } from './appointment-status.ts';

const ALLOWED = new Set(['SCHEDULED>CHECKED_IN', 'SCHEDULED>CANCELLED', 'SCHEDULED>NO_SHOW', 'CHECKED_IN>COMPLETED', 'CHECKED_IN>CANCELLED']);
const pairs = APPOINTMENT_STATUSES.flatMap((from) => APPOINTMENT_STATUSES.map((to) => [from, to] as [AppointmentStatus, AppointmentStatus]));

describe('appointment status transitions', () => {
  it.each(pairs)('%s → %s follows the table', (from, to) => {
    expect(canTransition(from, to)).toBe(ALLOWED.has(`${from}>${to}`));
  });

  it.each(pairs.filter(([from, to]) => !ALLOWED.has(`${from}>${to}`)))('refuses %s → %s as BAD_USER_INPUT', (from, to) => {
    let caught: unknown;
    try {
      assertTransition(from, to);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(DomainError);
    expect(caught).toMatchObject({ code: 'BAD_USER_INPUT', field: 'id' });
  });

  it('words repeats and impossible steps differently', () => {
    expect(() => assertTransition('CANCELLED', 'CANCELLED')).toThrow('already cancelled');
    expect(() => assertTransition('COMPLETED', 'NO_SHOW')).toThrow('completed cannot be marked as a no-show');
  });

  it('reschedules only scheduled appointments', () => {
    expect(() => assertReschedulable('SCHEDULED')).not.toThrow();
    for (const status of APPOINTMENT_STATUSES.filter((s) => s !== 'SCHEDULED')) {
      expect(() => assertReschedulable(status)).toThrow(DomainError);
    }
  });
});
