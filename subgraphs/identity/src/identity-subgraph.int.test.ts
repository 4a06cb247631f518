/**
 * The identity subgraph over HTTP, as the router calls it, against the real identity gRPC service
 * and the run's PostgreSQL database. The gRPC client is the real one, wrapped only to count calls.
 */
import { generateKeyPairSync, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createIdentityClient } from '@hospital/grpc-contracts';
import { startIdentityService } from '@hospital/identity-service';
import { signIdentity } from '@hospital/service-kit';
import type { RunningSubgraph } from '@hospital/subgraph-kit';
import { countCalls, postGraphQL, subgraphTestBed, userCaller } from '@hospital/subgraph-kit/testing';
import { testDatabaseUrl } from '../../../test/helpers.ts';
import { startIdentitySubgraph } from './index.ts';
import { TEST_CALL_DEADLINE_MS } from '@hospital/service-kit/testing';

const bed = subgraphTestBed('identity-subgraph-test');
const { host: HOST, internalSecret, logger, gql } = bed;
const admin = userCaller('admin');
const PASSWORD = 'correct horse battery staple';

let subgraph: RunningSubgraph;
let counter: ReturnType<typeof countCalls<ReturnType<typeof createIdentityClient>>>;

beforeAll(async () => {
  const { privateKey } = generateKeyPairSync('ec', {
    namedCurve: 'P-256',
    privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
    publicKeyEncoding: { type: 'spki', format: 'pem' },
  });
  const service = await startIdentityService(
    {
      port: 0,
      host: HOST,
      databaseUrl: testDatabaseUrl(),
      internalSecret,
      jwt: { privateKeyPem: privateKey, keyId: 'test', issuer: 'hospital-identity', audience: 'hospital-api', accessTokenTtlSeconds: 900, refreshTokenTtlSeconds: 3600 },
    },
    { logger },
  );
  bed.closeAfter(service);
  const client = bed.closeAfter(createIdentityClient({ target: `${HOST}:${service.port}`, deadlineMs: TEST_CALL_DEADLINE_MS }));
  counter = countCalls(client);
  subgraph = bed.serve(
    await startIdentitySubgraph({ port: 0, host: HOST, identityTarget: `${HOST}:${service.port}`, internalSecret, production: true }, { logger, client: counter.client }),
  );
});

afterAll(() => bed.close());

const CREATE_USER = `mutation($input: CreateUserInput!) { createUser(input: $input) { id email displayName role active createdAt } }`;

async function createUser(role: 'DOCTOR' | 'FINANCE' | 'WARD_STAFF' = 'DOCTOR') {
  const email = `user-${randomUUID()}@test.example`;
  const result = await gql<{ createUser: { id: string; email: string; role: string } }>(admin, CREATE_USER, {
    input: { email, password: PASSWORD, displayName: 'Dr Test', role },
  });
  expect(result.errors).toBeUndefined();
  return result.data!.createUser;
}

describe('identity subgraph', () => {
  it('answers liveness and readiness (the gRPC service reports SERVING)', async () => {
    const base = subgraph.url.replace(/\/graphql$/, '');
    expect((await fetch(`${base}/health`)).status).toBe(200);
    expect((await fetch(`${base}/ready`)).status).toBe(200);
  });

  it('refuses requests without a valid router identity with 401 UNAUTHENTICATED', async () => {
    const missing = await gql(undefined, '{ me { id } }');
    expect(missing.status).toBe(401);
    expect(missing.errors?.[0]?.extensions?.['code']).toBe('UNAUTHENTICATED');
    const forged = await postGraphQL(subgraph.url, '{ me { id } }', { headers: { 'x-hospital-identity': signIdentity(admin, 'not-the-secret-'.repeat(3)) } });
    expect(forged.status).toBe(401);
    expect(forged.errors?.[0]?.extensions?.['code']).toBe('UNAUTHENTICATED');
  });

  it('creates users (admin), maps roles both ways, and answers me', async () => {
    const created = await createUser('WARD_STAFF');
    expect(created).toMatchObject({ role: 'WARD_STAFF', active: true });
    const me = await gql<{ me: { id: string; role: string } }>(userCaller('ward_staff', created.id), '{ me { id role } }');
    expect(me.data?.me).toEqual({ id: created.id, role: 'WARD_STAFF' });
  });

  it('signs in through the public login mutation', async () => {
    const created = await createUser('FINANCE');
    const login = await gql<{ login: { accessToken: string; refreshToken: string; expiresAt: string; user: { id: string; role: string } } }>(
      { kind: 'anonymous' },
      `mutation($email: String!, $password: String!) { login(email: $email, password: $password) { accessToken refreshToken expiresAt user { id role } } }`,
      { email: created.email, password: PASSWORD },
    );
    expect(login.errors).toBeUndefined();
    expect(login.data?.login.user).toEqual({ id: created.id, role: 'FINANCE' });
    expect(login.data?.login.expiresAt).toMatch(/Z$/);
    const logout = await gql({ kind: 'anonymous' }, `mutation($t: String!) { logout(refreshToken: $t) }`, { t: login.data?.login.refreshToken });
    expect(logout.data).toEqual({ logout: true });
  });

  it('needs a signed-in user for non-public root fields', async () => {
    const result = await gql({ kind: 'anonymous' }, '{ me { id } }');
    expect(result.status).toBe(200);
    expect(result.errors?.[0]?.extensions?.['code']).toBe('UNAUTHENTICATED');
  });

  it('resolves N user references with ONE GetUsers call, and guards admin-only fields', async () => {
    const users = await Promise.all([createUser(), createUser(), createUser()]);
    const query = `query($r: [_Any!]!) { _entities(representations: $r) { ... on User { id displayName active } } }`;
    const representations = [...users.map((u) => ({ __typename: 'User', id: u.id })), { __typename: 'User', id: randomUUID() }];
    counter.reset();
    const asAdmin = await gql<{ _entities: ({ id: string } | null)[] }>(admin, query, { r: representations });
    expect(asAdmin.errors).toBeUndefined();
    // The unknown id comes back as null, not as an error.
    expect(asAdmin.data?._entities.map((e) => e?.id ?? null)).toEqual([...users.map((u) => u.id), null]);
    expect(counter.calls.get('getUsers')).toBe(1);

    const asDoctor = await gql<{ _entities: unknown[] }>(userCaller('doctor'), query, { r: representations.slice(0, 3) });
    expect(asDoctor.errors?.map((e) => [e.extensions?.['code'], e.path?.at(-1)])).toEqual([
      ['FORBIDDEN', 'active'],
      ['FORBIDDEN', 'active'],
      ['FORBIDDEN', 'active'],
    ]);
  });

  it('refuses admin-only root fields to other roles before any gRPC call', async () => {
    counter.reset();
    const result = await gql(userCaller('doctor'), '{ users { totalCount } }');
    expect(result.errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');
    expect(counter.calls.size).toBe(0);
  });

  it('pages users through a Relay connection', async () => {
    await Promise.all([createUser('FINANCE'), createUser('FINANCE')]);
    const page = await gql<{ users: { edges: { cursor: string; node: { role: string } }[]; pageInfo: { hasNextPage: boolean; endCursor: string }; totalCount: number } }>(
      admin,
      '{ users(role: FINANCE, first: 1) { edges { cursor node { role } } pageInfo { hasNextPage endCursor } totalCount } }',
    );
    expect(page.errors).toBeUndefined();
    expect(page.data?.users.edges).toHaveLength(1);
    expect(page.data?.users.edges[0]?.node.role).toBe('FINANCE');
    expect(page.data?.users.pageInfo).toEqual({ hasNextPage: true, endCursor: page.data?.users.edges[0]?.cursor });
    expect(page.data?.users.totalCount).toBeGreaterThanOrEqual(2);
  });

  it('maps gRPC errors to extensions.code: CONFLICT, BAD_USER_INPUT with field, NOT_FOUND', async () => {
    const existing = await createUser();
    const duplicate = await gql(admin, CREATE_USER, { input: { email: existing.email, password: PASSWORD, displayName: 'Again', role: 'DOCTOR' } });
    expect(duplicate.errors?.[0]?.extensions).toEqual({ code: 'CONFLICT' });
    const short = await gql(admin, CREATE_USER, { input: { email: `x-${randomUUID()}@test.example`, password: 'short', displayName: 'Short', role: 'DOCTOR' } });
    expect(short.errors?.[0]?.extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'password' });
    const missing = await gql(admin, `mutation($id: ID!) { deactivateUser(id: $id) { id } }`, { id: randomUUID() });
    expect(missing.errors?.[0]?.extensions).toEqual({ code: 'NOT_FOUND' });
  });
});
