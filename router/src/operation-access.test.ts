import { parse, type OperationDefinitionNode } from 'graphql';
import { describe, expect, it } from 'vitest';
import type { Caller, RoleName } from '@hospital/service-kit';
import { buildAuthRules, schemaFromSdl } from './auth-policy.ts';
import { collectTouchedFields, decideAccess } from './operation-access.ts';

const schema = schemaFromSdl(`
  directive @auth(requires: [Role!]!) repeatable on OBJECT | FIELD_DEFINITION
  directive @public on FIELD_DEFINITION
  enum Role { ADMIN DOCTOR PHARMACIST FINANCE WARD_STAFF }
  interface Node { id: ID! }
  type Patient implements Node @auth(requires: [ADMIN, DOCTOR, FINANCE]) { id: ID! name: String! allergies: [String!]! @auth(requires: [ADMIN, DOCTOR]) }
  type User implements Node { id: ID! email: String! active: Boolean! @auth(requires: [ADMIN]) }
  union SearchHit = Patient | User
  type AuthPayload { token: String! user: User! }
  type Query {
    node(id: ID!): Node @auth(requires: [ADMIN, DOCTOR, PHARMACIST, FINANCE])
    search(text: String!): [SearchHit!]! @auth(requires: [ADMIN, DOCTOR, FINANCE])
    patient(id: ID!): Patient @auth(requires: [ADMIN, DOCTOR, FINANCE])
    me: User! @auth(requires: [ADMIN, DOCTOR, PHARMACIST, FINANCE, WARD_STAFF])
  }
  type Mutation { login(email: String!): AuthPayload! @public }
`);
const rules = buildAuthRules(schema);

function touched(source: string, operationName?: string): string[] {
  const document = parse(source);
  const operation = document.definitions.find((d): d is OperationDefinitionNode => d.kind === 'OperationDefinition' && (!operationName || d.name?.value === operationName));
  return collectTouchedFields(schema, document, operation)
    .map((f) => f.coordinate)
    .sort();
}

function decide(source: string, who: RoleName | 'anonymous', introspection = false) {
  const caller: Caller = who === 'anonymous' ? { kind: 'anonymous' } : { kind: 'user', userId: 'u1', role: who, email: 'x@y.z' };
  const document = parse(source);
  return decideAccess(collectTouchedFields(schema, document), rules, caller, introspection);
}

describe('collectTouchedFields', () => {
  it('sees through aliases', () => {
    expect(touched('{ p: patient(id: "1") { secret: allergies n: name } }')).toEqual(['Patient.allergies', 'Patient.name', 'Query.patient']);
  });

  it('follows named fragments, nested fragments and inline fragments on abstract types', () => {
    const source = `
      query Q { search(text: "a") { ...Hit } node(id: "1") { id ... on User { ...U } } }
      fragment Hit on SearchHit { ... on Patient { allergies } __typename }
      fragment U on User { active }`;
    expect(touched(source)).toEqual(['Node.id', 'Patient.allergies', 'Query.node', 'Query.search', 'SearchHit.__typename', 'User.active']);
  });

  it('walks only the selected operation', () => {
    const source = 'query A { me { id } } query B { patient(id: "1") { allergies } }';
    expect(touched(source, 'A')).toEqual(['Query.me', 'User.id']);
  });

  it('survives fragment cycles without looping', () => {
    const source = '{ me { ...A } } fragment A on User { id ...B } fragment B on User { email ...A }';
    expect(touched(source)).toEqual(['Query.me', 'User.email', 'User.id']);
  });
});

describe('decideAccess', () => {
  it('lets anonymous callers use @public root fields with unprotected selections', () => {
    expect(decide('mutation { login(email: "a") { token user { id email } } }', 'anonymous')).toEqual({ allowed: true });
  });

  it('asks anonymous callers to sign in for protected root or nested fields', () => {
    expect(decide('{ me { id } }', 'anonymous')).toEqual({ allowed: false, code: 'UNAUTHENTICATED', fields: ['Query.me'] });
    expect(decide('mutation { login(email: "a") { user { active } } }', 'anonymous')).toMatchObject({ code: 'UNAUTHENTICATED', fields: ['User.active'] });
  });

  it('forbids a field the role lacks, naming it, even behind a fragment', () => {
    const source = '{ patient(id: "1") { ...P } } fragment P on Patient { name allergies }';
    expect(decide(source, 'finance')).toEqual({ allowed: false, code: 'FORBIDDEN', fields: ['Patient.allergies'] });
    expect(decide(source, 'doctor')).toEqual({ allowed: true });
  });

  it('applies type-level rules and interface rules', () => {
    expect(decide('{ me { id } }', 'pharmacist')).toEqual({ allowed: true });
    expect(decide('{ patient(id: "1") { name } }', 'pharmacist')).toMatchObject({ code: 'FORBIDDEN' });
    // Node.id may resolve to a Patient, which pharmacists may not read.
    expect(decide('{ node(id: "1") { id } }', 'pharmacist')).toEqual({ allowed: false, code: 'FORBIDDEN', fields: ['Node.id'] });
    expect(decide('{ node(id: "1") { id } }', 'admin')).toEqual({ allowed: true });
  });

  it('lets __typename through and follows the introspection switch for __schema', () => {
    expect(decide('{ __typename }', 'anonymous')).toEqual({ allowed: true });
    expect(decide('{ __schema { queryType { name } } }', 'anonymous', true)).toEqual({ allowed: true });
    expect(decide('{ __schema { queryType { name } } }', 'admin', false)).toMatchObject({ code: 'FORBIDDEN', fields: ['Query.__schema'] });
  });
});
