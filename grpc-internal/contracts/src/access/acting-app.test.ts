/**
 * A user acting through an app (authorization code + PKCE, issue 16) is held to the role AND the
 * app's user/ scopes; plain users and apps as themselves decide exactly as before.
 */
import { describe, expect, it } from 'vitest';
import { decideEntityAccess, decideFieldAccess, isScopeBound, type AccessRule } from './index.ts';

const roles = (...anyOf: Array<'doctor' | 'finance' | 'admin'>): AccessRule => ({ requires: [anyOf], public: false });
const doctor = { kind: 'user', role: 'doctor' as const };
const finance = { kind: 'user', role: 'finance' as const };
const via = (subject: typeof doctor | typeof finance, scopes: string[]) => ({ ...subject, app: { scopes } });

describe('a user acting through an app', () => {
  it('needs both the role and a user/ scope', () => {
    const patients = roles('doctor', 'finance');
    expect(decideFieldAccess(via(doctor, ['user/Patient.rs']), patients, true, 'Query.patients')).toBe('allowed');
    expect(decideFieldAccess(via(doctor, ['user/Appointment.rs']), patients, true, 'Query.patients')).toBe('FORBIDDEN');
    // The scope covers allergies, the finance role does not.
    expect(decideFieldAccess(via(finance, ['user/Patient.rs']), roles('doctor'), false, 'Patient.allergies')).toBe('FORBIDDEN');
    expect(decideFieldAccess(via(finance, ['user/Patient.rs']), undefined, false, 'Patient.fullName')).toBe('allowed');
    // The role allows invoices, the scope does not.
    expect(decideFieldAccess(via(finance, ['user/Patient.rs']), roles('finance'), true, 'Query.invoices')).toBe('FORBIDDEN');
  });

  it('never counts system/ scopes, and fails closed without a coordinate', () => {
    expect(decideFieldAccess(via(doctor, ['system/Patient.rs']), undefined, true, 'Query.patients')).toBe('FORBIDDEN');
    expect(decideFieldAccess(via(doctor, ['user/Patient.rs']), undefined, false)).toBe('FORBIDDEN');
  });

  it('is scope-bound on entity fetches too', () => {
    expect(decideEntityAccess(via(doctor, ['user/Patient.rs']), undefined, 'Patient')).toBe('allowed');
    expect(decideEntityAccess(via(doctor, ['user/Appointment.rs']), undefined, 'Patient')).toBe('FORBIDDEN');
    expect(isScopeBound(via(doctor, []))).toBe(true);
  });
});

describe('unchanged for others', () => {
  it('a plain user by role only; an app by system/ scopes only', () => {
    expect(decideFieldAccess(doctor, undefined, false, 'Patient.fullName')).toBe('allowed');
    expect(decideFieldAccess(finance, roles('doctor'), false, 'Patient.allergies')).toBe('FORBIDDEN');
    expect(isScopeBound(doctor)).toBe(false);
    expect(decideFieldAccess({ kind: 'app', scopes: ['user/Patient.rs'] }, undefined, true, 'Query.patients')).toBe('FORBIDDEN');
    expect(decideFieldAccess({ kind: 'app', scopes: ['system/Patient.rs'] }, undefined, true, 'Query.patients')).toBe('allowed');
  });
});
