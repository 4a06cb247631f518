import { describe, expect, it } from 'vitest';
import { actionOf, auditEntries, type AuditCall } from './audit.ts';
import { signIdentity, verifyForwardedIdentity } from './identity-token.ts';

const P1 = '2b5d6c1e-0f4a-4c59-9a1e-3d7f0b2c8e11';
const P2 = '9f1c2d3e-4b5a-4d6c-8e7f-0a1b2c3d4e5f';
const call: AuditCall = {
  caller: { kind: 'user', userId: 'u-1', role: 'doctor', email: 'd@h.local' },
  origin: { ip: '203.0.113.9', userAgent: 'UA', operation: 'Chart' },
  requestId: 'req-1',
  path: '/hospital.patients.v1.PatientsService/GetPatients',
};

describe('auditEntries', () => {
  it('writes one entry per distinct patient, with who, what and from where', () => {
    const entries = auditEntries(call, 'Patient', [P1, P2, P1.toUpperCase()], { outcome: 'allowed' });
    expect(entries.map((entry) => entry.patientId)).toEqual([P1, P2]);
    expect(entries[0]).toEqual({
      actorKind: 'user',
      actorId: 'u-1',
      actorRole: 'doctor',
      action: 'PatientsService.GetPatients',
      operation: 'Chart',
      resource: 'Patient',
      patientId: P1,
      fields: [],
      outcome: 'allowed',
      reason: null,
      ip: '203.0.113.9',
      userAgent: 'UA',
      requestId: 'req-1',
    });
  });

  it('writes one entry naming no patient when none was touched, and drops ids that are not UUIDs', () => {
    const entries = auditEntries(call, 'Patient', ['', "'; DROP TABLE x --", 'not-a-uuid'], { outcome: 'denied', reason: 'FORBIDDEN' }, ['phone']);
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ patientId: null, outcome: 'denied', reason: 'FORBIDDEN', fields: ['phone'] });
  });

  it('names services by service name and anonymous callers by nothing', () => {
    expect(auditEntries({ ...call, caller: { kind: 'service', service: 'notifications' } }, 'Patient', [P1], { outcome: 'allowed' })[0]).toMatchObject({
      actorKind: 'service',
      actorId: 'notifications',
      actorRole: null,
    });
    expect(auditEntries({ ...call, caller: { kind: 'anonymous' } }, 'Patient', [], { outcome: 'denied' })[0]).toMatchObject({ actorKind: 'anonymous', actorId: null });
  });

  it('names the action Service.Method', () => {
    expect(actionOf('/hospital.ward.v1.WardService/AdmitPatient')).toBe('WardService.AdmitPatient');
  });
});

describe('origin in the forwarded identity', () => {
  it('travels signed, cut to a sane length', () => {
    const token = signIdentity({ kind: 'anonymous' }, 'secret', { ip: '10.0.0.1', userAgent: 'x'.repeat(5000), operation: 'Op' });
    const verified = verifyForwardedIdentity(token, 'secret');
    expect(verified?.origin).toEqual({ ip: '10.0.0.1', userAgent: 'x'.repeat(256), operation: 'Op' });
    expect(verifyForwardedIdentity(token, 'other-secret')).toBeUndefined();
  });
});
