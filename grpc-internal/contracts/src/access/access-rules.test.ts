import { describe, expect, it } from 'vitest';
import { decideFieldAccess, findAccessPolicyProblems, readAccessRules, schemaFromSdl, type AccessSubject } from './index.ts';
import { graphqlRoleFromProto, protoRoleFromGraphql, roleNameFromEnum, roleNameFromGraphql } from './roles.ts';

const SDL = `
  directive @auth(requires: [Role!]!) repeatable on OBJECT | FIELD_DEFINITION
  directive @public on FIELD_DEFINITION
  enum Role { ADMIN DOCTOR PHARMACIST FINANCE WARD_STAFF }
  type Patient @auth(requires: [ADMIN, DOCTOR]) { id: ID! notes: String @auth(requires: [DOCTOR, FINANCE]) }
  type Open { id: ID! }
  type Query {
    ping: String @public
    me: Open
    patient: Patient @auth(requires: [ADMIN, DOCTOR])
    contradiction: String @public @auth(requires: [ADMIN])
    _service: String
  }
`;
const rules = readAccessRules(SDL);
const user = (role: 'admin' | 'doctor' | 'finance'): AccessSubject => ({ kind: 'user', role });
const anonymous: AccessSubject = { kind: 'anonymous' };
const service: AccessSubject = { kind: 'service' };

describe('readAccessRules', () => {
  it('keys type-level @auth by type and folds it into every field of the type', () => {
    expect(rules.get('Patient')).toEqual({ public: false, requires: [['admin', 'doctor']] });
    expect(rules.get('Patient.id')).toEqual({ public: false, requires: [['admin', 'doctor']] });
    expect(rules.get('Patient.notes')?.requires).toEqual([
      ['admin', 'doctor'],
      ['doctor', 'finance'],
    ]);
    expect(rules.has('Open.id')).toBe(false);
  });

  it('keeps federation plumbing (_service) open', () => {
    expect(rules.get('Query._service')).toEqual({ public: true, requires: [] });
  });

  it('finds the contradiction the build refuses', () => {
    expect(findAccessPolicyProblems(schemaFromSdl(SDL))).toEqual([
      'Query.me has neither @auth nor @public; every root field must say who may call it (default deny). ' +
        'Add @public, or @auth(requires: [...]) listing the roles (all five for any signed-in user).',
      'Query.contradiction has both @public and @auth; pick one.',
    ]);
  });
});

describe('decideFieldAccess', () => {
  it.each([
    ['Query.ping', true, anonymous, 'allowed'],
    ['Query.me', true, anonymous, 'UNAUTHENTICATED'],
    ['Query.me', true, service, 'UNAUTHENTICATED'],
    ['Query.me', true, user('finance'), 'allowed'],
    ['Query.patient', true, user('finance'), 'FORBIDDEN'],
    ['Patient.notes', false, user('doctor'), 'allowed'],
    ['Patient.notes', false, user('admin'), 'FORBIDDEN'],
    ['Patient.notes', false, anonymous, 'UNAUTHENTICATED'],
    ['Patient', false, user('finance'), 'FORBIDDEN'],
    ['Open.id', false, anonymous, 'allowed'],
    ['Query.contradiction', true, anonymous, 'UNAUTHENTICATED'],
  ] as const)('%s (root: %s) for %o is %s', (coordinate, isRoot, subject, verdict) => {
    expect(decideFieldAccess(subject, rules.get(coordinate), isRoot)).toBe(verdict);
  });
});

describe('role spellings', () => {
  it('translates between GraphQL, proto and token forms, and fails closed on strangers', () => {
    expect(roleNameFromEnum('WARD_STAFF')).toBe('ward_staff');
    expect(roleNameFromEnum('ROLE_WARD_STAFF')).toBe('ward_staff');
    expect(roleNameFromEnum('NURSE')).toBeUndefined();
    expect(roleNameFromGraphql('PHARMACIST')).toBe('pharmacist');
    expect(protoRoleFromGraphql('ADMIN')).toBe('ROLE_ADMIN');
    expect(graphqlRoleFromProto('ROLE_FINANCE')).toBe('FINANCE');
    expect(() => graphqlRoleFromProto('ROLE_UNSPECIFIED')).toThrow(/Unexpected role/);
  });
});
