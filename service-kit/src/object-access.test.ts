import { describe, expect, it, vi } from 'vitest';
import { ObjectAccessDenied } from './errors.ts';
import { denyObjectAccess } from './object-access.ts';

const PATIENT = '0d3a1c52-3d0e-4c1f-8d5e-2b8f9c7a6e10';

describe('denyObjectAccess', () => {
  it('notes the patient, logs ids only and answers like an unknown id', () => {
    const warn = vi.fn();
    const noteDeniedAccess = vi.fn();
    const caller = { kind: 'user', userId: 'u1', role: 'doctor', email: 'x@test.local' } as const;
    const error = denyObjectAccess({ caller, logger: { warn }, noteDeniedAccess }, { kind: 'appointment', id: 'a-9', patientId: PATIENT }, "another doctor's appointment");
    expect(error).toBeInstanceOf(ObjectAccessDenied);
    expect(error).toMatchObject({ code: 'NOT_FOUND', message: 'No appointment with this id.' });
    expect(noteDeniedAccess).toHaveBeenCalledWith([PATIENT]);
    expect(warn).toHaveBeenCalledWith({ objectKind: 'appointment', objectId: 'a-9', userId: 'u1' }, "object access denied: another doctor's appointment");
  });

  it('notes nobody when the record names no patient, and logs no user id for a service', () => {
    const warn = vi.fn();
    const noteDeniedAccess = vi.fn();
    const error = denyObjectAccess(
      { caller: { kind: 'service', service: 'worker' }, logger: { warn }, noteDeniedAccess },
      { kind: 'ward', id: 'w-1' },
      "outside the caller's wards",
    );
    expect(error.message).toBe('No ward with this id.');
    expect(noteDeniedAccess).not.toHaveBeenCalled();
    expect(warn.mock.calls[0]?.[0]).toEqual({ objectKind: 'ward', objectId: 'w-1', userId: undefined });
  });
});
