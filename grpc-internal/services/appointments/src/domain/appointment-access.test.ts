import { describe, expect, it } from 'vitest';
import type { Caller } from '@hospital/service-kit';
import { actorIdOf, assertMayChange, bookingDoctor, listingDoctor } from './appointment-access.ts';

const doctor: Caller = { kind: 'user', userId: 'doc-1', role: 'doctor', email: 'd@x' };
const admin: Caller = { kind: 'user', userId: 'adm-1', role: 'admin', email: 'a@x' };
const service: Caller = { kind: 'service', service: 'notifications' };

describe('bookingDoctor', () => {
  it('books a doctor for themself, with or without naming themself', () => {
    expect(bookingDoctor(doctor, undefined)).toBe('doc-1');
    expect(bookingDoctor(doctor, 'doc-1')).toBe('doc-1');
  });

  it('refuses a doctor booking for a colleague', () => {
    expect(() => bookingDoctor(doctor, 'doc-2')).toThrow(expect.objectContaining({ code: 'FORBIDDEN' }));
  });

  it('makes admins and services name the doctor', () => {
    expect(bookingDoctor(admin, 'doc-2')).toBe('doc-2');
    expect(bookingDoctor(service, 'doc-2')).toBe('doc-2');
    expect(() => bookingDoctor(admin, undefined)).toThrow(expect.objectContaining({ code: 'BAD_USER_INPUT', field: 'doctorId' }));
  });
});

describe('assertMayChange', () => {
  it('lets doctors change only their own appointments, admins and services any', () => {
    expect(() => assertMayChange(doctor, 'doc-1', 'cancel')).not.toThrow();
    expect(() => assertMayChange(doctor, 'doc-2', 'complete')).toThrow('A doctor may only complete their own appointments.');
    expect(() => assertMayChange(admin, 'doc-2', 'cancel')).not.toThrow();
    expect(() => assertMayChange(service, 'doc-2', 'cancel')).not.toThrow();
  });
});

describe('listingDoctor and actorIdOf', () => {
  it('defaults a doctor to their own schedule only when nothing is named', () => {
    expect(listingDoctor(doctor, {})).toBe('doc-1');
    expect(listingDoctor(doctor, { patientId: 'p1' })).toBeUndefined();
    expect(listingDoctor(doctor, { doctorId: 'doc-2' })).toBe('doc-2');
    expect(listingDoctor(admin, {})).toBeUndefined();
  });

  it('records users by id and services as null', () => {
    expect(actorIdOf(doctor)).toBe('doc-1');
    expect(actorIdOf(service)).toBeNull();
  });
});
