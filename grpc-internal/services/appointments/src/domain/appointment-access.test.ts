import { describe, expect, it, vi } from 'vitest';
import { actingUserId as actorIdOf, type Caller } from '@hospital/service-kit';
import { bookingDoctor, denyAppointmentAccess, listingDoctor, maySeeAppointment } from './appointment-access.ts';

const doctor: Caller = { kind: 'user', userId: 'doc-1', role: 'doctor', email: 'd@x' };
const admin: Caller = { kind: 'user', userId: 'adm-1', role: 'admin', email: 'a@x' };
const service: Caller = { kind: 'service', service: 'notifications' };
const reception: Caller = { kind: 'user', userId: 'ws-1', role: 'ward_staff', email: 'w@x' };

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

describe('maySeeAppointment and denyAppointmentAccess', () => {
  it('lets doctors see only their own appointments; admins, reception and services any', () => {
    expect(maySeeAppointment(doctor, 'doc-1')).toBe(true);
    expect(maySeeAppointment(doctor, 'doc-2')).toBe(false);
    for (const caller of [admin, reception, service]) expect(maySeeAppointment(caller, 'doc-2')).toBe(true);
  });

  it('answers a refusal like an unknown id and logs ids only', () => {
    const warn = vi.fn();
    expect(denyAppointmentAccess(doctor, { warn }, 'appt-9')).toMatchObject({ code: 'NOT_FOUND' });
    expect(warn).toHaveBeenCalledWith(expect.objectContaining({ objectKind: 'appointment', objectId: 'appt-9', userId: 'doc-1' }), expect.any(String));
  });
});

describe('listingDoctor and actorIdOf', () => {
  it('keeps a doctor to their own appointments and refuses naming a colleague', () => {
    expect(listingDoctor(doctor, undefined)).toBe('doc-1');
    expect(listingDoctor(doctor, 'doc-1')).toBe('doc-1');
    expect(() => listingDoctor(doctor, 'doc-2')).toThrow(expect.objectContaining({ code: 'FORBIDDEN' }));
    expect(listingDoctor(admin, undefined)).toBeUndefined();
    expect(listingDoctor(reception, 'doc-2')).toBe('doc-2');
  });

  it('records users by id and services as null', () => {
    expect(actorIdOf(doctor)).toBe('doc-1');
    expect(actorIdOf(service)).toBeNull();
  });
});
