import { describe, expect, it, vi } from 'vitest';
import type { Caller } from '../identity-token.ts';
import { caresForPatient, NO_CARE_DIRECTORY, patientsInCare, type CareDirectory } from './care-rule.ts';

const A = '0D3A1C52-3D0E-4C1F-8D5E-2B8F9C7A6E10';
const B = '1e4b2d63-4e1f-4d20-9e6f-3c9fad8b7f21';
const call = { identityToken: 'token', requestId: 'req-1' };
const user = (role: 'admin' | 'doctor' | 'ward_staff' | 'pharmacist' | 'finance'): Caller => ({ kind: 'user', userId: 'u1', role, email: 'u1@test.local' });

/** A directory where doctor u1 sees patient A and the caller's wards hold patient B. */
function directory(): CareDirectory & { calls: string[] } {
  const calls: string[] = [];
  return {
    calls,
    patientsOfDoctor: vi.fn(async (doctorId: string, ids: readonly string[]) => {
      calls.push(`appointments:${doctorId}:${ids.join(',')}`);
      return new Set(ids.filter((id) => id === A.toLowerCase()).map((id) => id.toUpperCase()));
    }),
    patientsOnCallersWards: vi.fn(async (ids: readonly string[]) => {
      calls.push(`ward:${ids.join(',')}`);
      return new Set(ids.filter((id) => id === B));
    }),
  };
}

describe('patientsInCare (the one care-relationship rule)', () => {
  it('lets admins and the system through without asking anyone', async () => {
    const care = directory();
    expect(await patientsInCare(user('admin'), [A, B], care, call)).toEqual(new Set([A.toLowerCase(), B]));
    expect(await patientsInCare({ kind: 'service', service: 'notifications' }, [A], care, call)).toEqual(new Set([A.toLowerCase()]));
    expect(care.calls).toEqual([]);
  });

  it('a doctor: the patients they have appointments with, asked once of appointments (ids lower-cased, repeats merged)', async () => {
    const care = directory();
    expect(await patientsInCare(user('doctor'), [A, B, A.toLowerCase()], care, call)).toEqual(new Set([A.toLowerCase()]));
    expect(care.calls).toEqual([`appointments:u1:${A.toLowerCase()},${B}`]);
  });

  it('ward staff: the patients admitted on their wards, asked once of ward', async () => {
    const care = directory();
    expect(await patientsInCare(user('ward_staff'), [A, B], care, call)).toEqual(new Set([B]));
    expect(care.calls).toEqual([`ward:${A.toLowerCase()},${B}`]);
  });

  it('pharmacists, finance, apps and anonymous callers care for nobody', async () => {
    const care = directory();
    for (const caller of [user('pharmacist'), user('finance'), { kind: 'anonymous' } as const]) expect(await patientsInCare(caller, [A, B], care, call)).toEqual(new Set());
    expect(care.calls).toEqual([]);
  });

  it('caresForPatient answers for one patient; without a directory only admins pass', async () => {
    expect(await caresForPatient(user('doctor'), A, directory(), call)).toBe(true);
    expect(await caresForPatient(user('doctor'), B, directory(), call)).toBe(false);
    expect(await caresForPatient(user('doctor'), A, NO_CARE_DIRECTORY, call)).toBe(false);
    expect(await caresForPatient(user('admin'), A, NO_CARE_DIRECTORY, call)).toBe(true);
  });
});
