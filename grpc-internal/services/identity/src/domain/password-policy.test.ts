import { describe, expect, it } from 'vitest';
import { DEFAULT_DEMO_PASSWORD, DEMO_ACCOUNTS } from '@hospital/db';
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
    ['grace.mwangi!2026', /name, your email/],
    ['xx-GraceMwangi-xx', /name, your email/],
    ['short', /at least 12/],
  ])('refuses %j', (password, message) => {
    expect(passwordProblem(password, owner)).toMatch(message);
  });

  it.each(['correct horse battery', 'a-password-to-revoke', 'Tr0ub4dour&3xx', 'kettle orbit walnut', 'quartz-lantern-orbit-77'])('accepts %j', (password) => {
    expect(passwordProblem(password, owner)).toBeUndefined();
  });

  describe('for grace.hale@stmarys-hospital.org, "Grace Hale"', () => {
    const grace = { email: 'grace.hale@stmarys-hospital.org', displayName: 'Grace Hale' };
    it.each([
      ['Summer2026!!', /common|guess/],
      ['Welcome2026!!', /common|guess/],
      ['Hospital2026!', /service name/],
      ['stmaryshospital.org', /name, your email/],
      ['StMarys-Hospital1', /name, your email/],
      ['Hale1234Grace', /name, your email/],
      ['Gr4ceH4le2026', /name, your email/],
      ['ǴraceHale2026', /name, your email/],
      ['ｇｒａｃｅｈａｌｅ１２３', /name, your email/],
      ['h0sp1tal-sy5tem-x', /service name/],
    ])('refuses %j', (password, message) => {
      expect(passwordProblem(password, grace)).toMatch(message);
    });
    it('accepts an unrelated phrase', () => {
      expect(passwordProblem('kettle orbit walnut', grace)).toBeUndefined();
    });
  });

  it('accepts the default demo password for every seeded account', () => {
    for (const { email, displayName } of DEMO_ACCOUNTS) expect(passwordProblem(DEFAULT_DEMO_PASSWORD, { email, displayName })).toBeUndefined();
  });
});
