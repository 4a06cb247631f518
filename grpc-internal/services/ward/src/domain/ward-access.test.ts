import { describe, expect, it, vi } from 'vitest';
import { DomainError, type Caller } from '@hospital/service-kit';
import { coversWard, denyWardObjectAccess, wardScopeOf } from './ward-access.ts';

const WARD = '5b7e2a10-1c3d-4e5f-8a9b-0c1d2e3f4a5b';
const OTHER = '0d3a1c52-3d0e-4c1f-8d5e-2b8f9c7a6e10';
const user = (role: 'admin' | 'doctor' | 'ward_staff'): Caller => ({ kind: 'user', userId: 'u1', role, email: 'x@test.local' });

describe('wardScopeOf', () => {
  it('limits ward staff to their assignments and nobody else', async () => {
    const assigned = vi.fn(async () => [WARD]);
    const staff = await wardScopeOf(user('ward_staff'), assigned);
    expect(coversWard(staff, WARD)).toBe(true);
    expect(coversWard(staff, OTHER)).toBe(false);
    for (const caller of [user('admin'), user('doctor'), { kind: 'service', service: 'worker' } as Caller]) {
      expect(coversWard(await wardScopeOf(caller, assigned), OTHER)).toBe(true);
    }
    expect(assigned).toHaveBeenCalledTimes(1);
  });
});

describe('denyWardObjectAccess', () => {
  it('logs ids only and answers like an unknown id', () => {
    const warn = vi.fn();
    const error = denyWardObjectAccess(user('ward_staff'), { warn }, { kind: 'admission', id: OTHER });
    expect(error).toBeInstanceOf(DomainError);
    expect(error.code).toBe('NOT_FOUND');
    expect(warn).toHaveBeenCalledWith(expect.objectContaining({ objectKind: 'admission', objectId: OTHER, userId: 'u1' }), expect.any(String));
  });
});
