import { describe, expect, it } from 'vitest';
import { doctorFilterOf, ownDoctorOf } from './appointments-visibility.ts';

const user = (role: string, userId: string) => ({ kind: 'user' as const, role, userId });

describe('the doctor-visibility rule', () => {
  it('gives a doctor their own appointments, named or not, and refuses a colleague', () => {
    expect(ownDoctorOf(user('doctor', 'me'))).toBe('me');
    expect(doctorFilterOf(user('doctor', 'me'), undefined)).toEqual({ ok: true, doctorId: 'me' });
    expect(doctorFilterOf(user('doctor', 'me'), 'me')).toEqual({ ok: true, doctorId: 'me' });
    expect(doctorFilterOf(user('doctor', 'me'), 'other')).toEqual({ ok: false });
  });

  it('lets everyone else see every doctor, or the one they name', () => {
    for (const caller of [user('admin', 'a'), user('ward_staff', 'w'), { kind: 'service' as const }, { kind: 'anonymous' as const }]) {
      expect(ownDoctorOf(caller)).toBeUndefined();
      expect(doctorFilterOf(caller, undefined)).toEqual({ ok: true, doctorId: undefined });
      expect(doctorFilterOf(caller, 'd')).toEqual({ ok: true, doctorId: 'd' });
    }
  });
});
