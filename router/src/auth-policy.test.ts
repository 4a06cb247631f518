import { describe, expect, it } from 'vitest';
import { buildAuthRules, findAuthPolicyProblems, schemaFromSdl } from './auth-policy.ts';

const SDL = `
  directive @auth(requires: [Role!]!) repeatable on OBJECT | FIELD_DEFINITION
  directive @public on FIELD_DEFINITION
  enum Role { ADMIN DOCTOR PHARMACIST FINANCE WARD_STAFF }
  interface Record { id: ID! summary: String }
  type Patient implements Record @auth(requires: [ADMIN, DOCTOR, FINANCE]) {
    id: ID!
    summary: String
    allergies: [String!]! @auth(requires: [ADMIN, DOCTOR])
  }
  type Invoice implements Record {
    id: ID!
    summary: String @auth(requires: [FINANCE])
  }
  type Query {
    ping: String @public
    patient(id: ID!): Patient @auth(requires: [ADMIN, DOCTOR, FINANCE])
    both: String @auth(requires: [ADMIN, DOCTOR]) @auth(requires: [DOCTOR, WARD_STAFF])
  }
`;

describe('buildAuthRules', () => {
  const rules = buildAuthRules(schemaFromSdl(SDL));

  it('marks @public root fields and maps role enum values to token role names', () => {
    expect(rules.get('Query.ping')).toEqual({ public: true, requires: [] });
    expect(rules.get('Query.patient')).toEqual({ public: false, requires: [['admin', 'doctor', 'finance']] });
  });

  it('keeps repeated @auth applications as an AND of ORs', () => {
    expect(rules.get('Query.both')?.requires).toEqual([
      ['admin', 'doctor'],
      ['doctor', 'ward_staff'],
    ]);
  });

  it('folds type-level @auth into every field of the type', () => {
    expect(rules.get('Patient.id')?.requires).toEqual([['admin', 'doctor', 'finance']]);
    expect(rules.get('Patient.allergies')?.requires).toEqual([
      ['admin', 'doctor', 'finance'],
      ['admin', 'doctor'],
    ]);
  });

  it('gives an interface field the requirements of every implementation', () => {
    expect(rules.get('Record.summary')?.requires).toEqual(expect.arrayContaining([['admin', 'doctor', 'finance'], ['finance']]));
    expect(rules.get('Record.id')?.requires).toEqual([['admin', 'doctor', 'finance']]);
  });

  it('leaves unannotated fields out', () => {
    expect(rules.has('Invoice.id')).toBe(false);
  });

  it('refuses an unknown role instead of building a rule nobody understands', () => {
    const bad = 'directive @auth(requires: [Role!]!) repeatable on FIELD_DEFINITION enum Role { NURSE } type Query { x: String @auth(requires: [NURSE]) }';
    expect(() => buildAuthRules(schemaFromSdl(bad))).toThrow(/unknown role NURSE/);
  });
});

describe('findAuthPolicyProblems', () => {
  it('finds nothing in a fully annotated schema', () => {
    expect(findAuthPolicyProblems(schemaFromSdl(SDL))).toEqual([]);
  });

  it('lists unannotated root fields', () => {
    const problems = findAuthPolicyProblems(schemaFromSdl(`${SDL} extend type Query { open: String }`));
    expect(problems).toEqual([expect.stringMatching(/^Query\.open has neither/)]);
  });
});
