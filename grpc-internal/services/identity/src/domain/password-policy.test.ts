import { describe, expect, it } from 'vitest';
import { passwordProblem } from './password-policy.ts';

const owner = { email: 'grace.mwangi@hospital.local', displayName: 'Grace Mwangi' };

describe('password policy (NIST SP 800-63B)', () => {
  it.each([
    ['aaaaaaaaaaaa', /repeated/],
    ['            ', /repeated/],
    ['abcabcabcabc', /repeated/],
    ['abcdefghijkl', /sequence/],
    ['123456789012', /common|sequence/],
    ['qwertyuiopas', /common|sequence|guess/],
    ['password1234', /common|guess/],
    ['iloveyou1234', /common|guess/],
    ['letmein12345', /common|guess/],
    ['grace.mwangi!2026', /name or email/],
    ['xx-GraceMwangi-xx', /name or email/],
    ['short', /at least 12/],
  ])('refuses %j', (password, message) => {
    expect(passwordProblem(password, owner)).toMatch(message);
  });

  it.each(['hospital-demo-2026', 'correct horse battery', 'a-password-to-revoke', 'Tr0ub4dour&3xx', 'kettle orbit walnut'])('accepts %j', (password) => {
    expect(passwordProblem(password, owner)).toBeUndefined();
  });

  it('accepts the demo password for every seeded account (README, prisma/src/seed)', () => {
    for (const [email, displayName] of [
      ['admin@hospital.local', 'Ada Admin'],
      ['doctor@hospital.local', 'Dr. Gregory Hale'],
      ['pharmacist@hospital.local', 'Priya Raman'],
      ['finance@hospital.local', 'Tomás Herrera'],
      ['ward@hospital.local', 'Grace Mwangi'],
      ['dr.okafor@hospital.local', 'Dr. Amara Okafor'],
    ] as const) {
      expect(passwordProblem('hospital-demo-2026', { email, displayName })).toBeUndefined();
    }
  });
});
