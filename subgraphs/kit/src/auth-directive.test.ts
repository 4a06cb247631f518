/** `@auth` / `@public` enforcement on a tiny federated schema, executed in-process. */
import { describe, expect, it } from 'vitest';
import { graphql, type GraphQLSchema } from 'graphql';
import { gql } from 'graphql-tag';
import { buildSubgraphSchema } from '@apollo/subgraph';
import type { Caller, RoleName } from '@hospital/service-kit';
import { applyAuthDirectives } from './auth-directive.ts';
import { decideFieldAccess, readAccessRules } from '@hospital/grpc-contracts/access';

const SDL = /* GraphQL */ `
  extend schema
    @link(url: "https://specs.apollo.dev/federation/v2.6", import: ["@key", "@composeDirective"])
    @link(url: "https://specs.hospital-system.dev/auth/v1.0", import: ["@auth", "@public"])
    @composeDirective(name: "@auth")
    @composeDirective(name: "@public")
  directive @auth(requires: [Role!]!) repeatable on OBJECT | FIELD_DEFINITION
  directive @public on FIELD_DEFINITION
  enum Role { ADMIN DOCTOR PHARMACIST FINANCE WARD_STAFF }
  type Patient @key(fields: "id") @auth(requires: [ADMIN, DOCTOR, WARD_STAFF, FINANCE]) {
    id: ID!
    name: String!
    allergies: [String!]! @auth(requires: [ADMIN, DOCTOR, WARD_STAFF])
  }
  type User @key(fields: "id") {
    id: ID!
    displayName: String!
    active: Boolean! @auth(requires: [ADMIN])
  }
  type Note { text: String! @auth(requires: [DOCTOR]) @auth(requires: [ADMIN, DOCTOR]) }
  type Query {
    patient(id: ID!): Patient
    note: Note
    ping: String! @public
    wardOnly: String @auth(requires: [WARD_STAFF])
  }
`;

function buildSchema(): { schema: GraphQLSchema; references: string[] } {
  const references: string[] = [];
  const staff = (id: string) => ({ id, displayName: `Dr ${id}`, active: true });
  const patient = (id: string) => ({ id, name: `name-${id}`, allergies: ['latex'] });
  const schema = buildSubgraphSchema([
    {
      typeDefs: gql(SDL),
      resolvers: {
        Query: { patient: (_: unknown, { id }: { id: string }) => patient(id), note: () => ({ text: 'n' }), ping: () => 'pong', wardOnly: () => 'ward' },
        Patient: {
          __resolveReference: (ref: { id: string }) => {
            references.push(ref.id);
            return patient(ref.id);
          },
        },
        User: {
          __resolveReference: (ref: { id: string }) => {
            references.push(ref.id);
            return staff(ref.id);
          },
        },
      },
    },
  ]);
  return { schema: applyAuthDirectives(schema), references };
}

const user = (role: RoleName): Caller => ({ kind: 'user', userId: `u-${role}`, role, email: `${role}@example.test` });
const app = (...scopes: string[]): Caller => ({ kind: 'app', clientId: 'c1', name: 'EHR', scopes });
const anonymous: Caller = { kind: 'anonymous' };

async function run(caller: Caller, source: string, variableValues?: Record<string, unknown>) {
  const { schema, references } = buildSchema();
  const result = await graphql({ schema, source, variableValues, contextValue: { caller } });
  return { result, references, codes: (result.errors ?? []).map((e) => e.extensions['code']) };
}

const ENTITIES = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Patient { id name allergies } } }`;
const REPS = {
  r: [
    { __typename: 'Patient', id: 'p1' },
    { __typename: 'Patient', id: 'p2' },
  ],
};

describe('applyAuthDirectives', () => {
  it('lets a permitted role through root fields and entities, keeping __resolveReference', async () => {
    const { result, references } = await run(user('doctor'), ENTITIES, REPS);
    expect(result.errors).toBeUndefined();
    expect(result.data).toEqual({
      _entities: [
        { id: 'p1', name: 'name-p1', allergies: ['latex'] },
        { id: 'p2', name: 'name-p2', allergies: ['latex'] },
      ],
    });
    expect(references).toEqual(['p1', 'p2']);
  });

  it('refuses a field-level @auth through _entities with FORBIDDEN (finance → allergies)', async () => {
    const { result, codes } = await run(user('finance'), ENTITIES, REPS);
    expect(codes).toEqual(['FORBIDDEN', 'FORBIDDEN']);
    expect(result.errors?.[0]?.path).toEqual(['_entities', 0, 'allergies']);
  });

  it('checks type-level @auth before resolving the reference', async () => {
    const { result, references, codes } = await run(user('pharmacist'), ENTITIES, REPS);
    expect(codes).toEqual(['FORBIDDEN', 'FORBIDDEN']);
    expect(result.data).toEqual({ _entities: [null, null] });
    expect(references).toEqual([]);
  });

  it('needs a signed-in user on root fields unless @public', async () => {
    expect((await run(anonymous, '{ ping }')).result.data).toEqual({ ping: 'pong' });
    expect((await run(anonymous, '{ patient(id: "p1") { id } }')).codes).toEqual(['UNAUTHENTICATED']);
    expect((await run(anonymous, ENTITIES, REPS)).codes).toEqual(['UNAUTHENTICATED']);
    expect((await run(user('finance'), '{ patient(id: "p1") { name } }')).result.data).toEqual({ patient: { name: 'name-p1' } });
  });

  it('maps WARD_STAFF to the ward_staff caller role', async () => {
    expect((await run(user('ward_staff'), '{ wardOnly }')).result.data).toEqual({ wardOnly: 'ward' });
    expect((await run(user('admin'), '{ wardOnly }')).codes).toEqual(['FORBIDDEN']);
  });

  it('ANDs repeated @auth applications', async () => {
    expect((await run(user('doctor'), '{ note { text } }')).result.data).toEqual({ note: { text: 'n' } });
    expect((await run(user('admin'), '{ note { text } }')).codes).toEqual(['FORBIDDEN']);
  });
});

describe('entity fetches for third-party apps (decided by the entity resource scope)', () => {
  const USERS = `query($r: [_Any!]!) { _entities(representations: $r) { ... on User { id displayName } } }`;
  const USER_REPS = { r: [{ __typename: 'User', id: 'd1' }] };

  it("resolves a patient for an app with a Patient scope and a doctor for one with Practitioner, the type's roles notwithstanding", async () => {
    const patients = await run(app('system/Patient.rs'), `query($r: [_Any!]!) { _entities(representations: $r) { ... on Patient { id name } } }`, REPS);
    expect(patients.result.errors).toBeUndefined();
    expect(patients.result.data).toEqual({
      _entities: [
        { id: 'p1', name: 'name-p1' },
        { id: 'p2', name: 'name-p2' },
      ],
    });
    const users = await run(app('system/Practitioner.rs'), USERS, USER_REPS);
    expect(users.result.errors).toBeUndefined();
    expect(users.result.data).toEqual({ _entities: [{ id: 'd1', displayName: 'Dr d1' }] });
  });

  it("refuses an entity outside the app's scopes before fetching it, even a type without @auth", async () => {
    const patients = await run(app('system/Appointment.rs'), ENTITIES, REPS);
    expect(patients.codes).toEqual(['FORBIDDEN', 'FORBIDDEN']);
    expect(patients.references).toEqual([]);
    const users = await run(app('system/Appointment.rs'), USERS, USER_REPS);
    expect(users.codes).toEqual(['FORBIDDEN']);
    expect(users.result.data).toEqual({ _entities: [null] });
    expect(users.references).toEqual([]);
  });

  it('still refuses a field its scopes do not open on an entity they do (User.active)', async () => {
    const { codes } = await run(app('system/Practitioner.cruds'), `query($r: [_Any!]!) { _entities(representations: $r) { ... on User { active } } }`, USER_REPS);
    expect(codes).toEqual(['FORBIDDEN']);
  });

  it('keeps users as before: a type without @auth resolves for any role', async () => {
    expect((await run(user('pharmacist'), USERS, USER_REPS)).result.data).toEqual({ _entities: [{ id: 'd1', displayName: 'Dr d1' }] });
  });
});

describe('readAccessRules (the shared reader the kit enforces)', () => {
  it('reads the same rules from SDL text as from the built schema', () => {
    const fromSdl = readAccessRules(SDL);
    expect(fromSdl.get('Patient.allergies')).toEqual({
      public: false,
      requires: [
        ['admin', 'doctor', 'ward_staff', 'finance'],
        ['admin', 'doctor', 'ward_staff'],
      ],
    });
    expect(decideFieldAccess(anonymous, fromSdl.get('Query.ping'), true)).toBe('allowed');
    expect(fromSdl.get('Query.note')).toBeUndefined();
    expect(decideFieldAccess(anonymous, fromSdl.get('Query.note'), true)).toBe('UNAUTHENTICATED');
    expect(decideFieldAccess(user('pharmacist'), fromSdl.get('Query.note'), true)).toBe('allowed');
    expect(fromSdl.get('Patient')).toEqual({ public: false, requires: [['admin', 'doctor', 'ward_staff', 'finance']] });
    const built = readAccessRules(buildSchema().schema);
    expect(built.get('Patient.allergies')).toEqual(fromSdl.get('Patient.allergies'));
    expect(decideFieldAccess(anonymous, built.get('Query._entities'), true)).toBe('UNAUTHENTICATED');
    expect(decideFieldAccess(anonymous, built.get('Query._service'), true)).toBe('allowed');
  });

  it('refuses to start on an unknown role', () => {
    const sdl = SDL.replace('enum Role { ADMIN', 'enum Role { NURSE ADMIN').replace('wardOnly: String @auth(requires: [WARD_STAFF])', 'wardOnly: String @auth(requires: [NURSE])');
    expect(() => readAccessRules(sdl)).toThrow(/unknown role NURSE/);
  });
});
