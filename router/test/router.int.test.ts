/**
 * The router in front of two tiny real subgraphs: signed identity forwarding, edge authorization
 * before any subgraph call, token rejection, error masking, the explorer redirect, limits and health endpoints.
 */
import { randomBytes } from 'node:crypto';
import { Writable } from 'node:stream';
import { GraphQLError } from 'graphql';
import jwt from 'jsonwebtoken';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger, IDENTITY_HEADER, verifyIdentity, type RoleName } from '@hospital/service-kit';
import { composeSupergraph } from '../src/compose.ts';
import { startRouter, type RouterConfig, type RunningRouter } from '../src/index.ts';
import { testJwt } from './support/test-jwt.ts';
import { startTinySubgraph, type TinyContext, type TinySubgraph } from './support/tiny-subgraph.ts';

const signer = testJwt();
const { keys, config: JWT } = signer;
const INTERNAL_SECRET = randomBytes(32).toString('base64url');

let staff: TinySubgraph;
let records: TinySubgraph;
let dev: RunningRouter;
let prod: RunningRouter;
let config: Omit<RouterConfig, 'production'>;
const logLines: string[] = [];

const tokenFor = (role: RoleName, overrides: jwt.SignOptions = {}): string => signer.tokenFor(role, overrides);

async function post(router: RunningRouter, query: string, headers: Record<string, string> = {}) {
  const response = await fetch(router.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query }),
  });
  const body = (await response.json()) as { data?: Record<string, unknown> | null; errors?: Array<{ message: string; extensions?: Record<string, unknown> }> };
  return { status: response.status, headers: response.headers, ...body };
}

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

beforeAll(async () => {
  staff = await startTinySubgraph(
    'staff',
    `type User @key(fields: "id") { id: ID! email: String! active: Boolean! @auth(requires: [ADMIN]) }
     type Query {
       ping: String! @public
       me: User! @auth(requires: [ADMIN, DOCTOR, PHARMACIST, FINANCE, WARD_STAFF])
       missing: String @public
       broken: String @public
     }`,
    {
      Query: {
        ping: () => 'pong',
        // Resolves the caller from the router-signed header, as real subgraphs do.
        me: (_: unknown, __: unknown, { headers }: TinyContext) => {
          const caller = verifyIdentity(headers[IDENTITY_HEADER] as string | undefined, INTERNAL_SECRET);
          if (caller?.kind !== 'user') throw new GraphQLError('Sign in first.', { extensions: { code: 'UNAUTHENTICATED' } });
          return { id: caller.userId, email: caller.email, active: true };
        },
        missing: () => {
          throw new GraphQLError('No such thing.', { extensions: { code: 'NOT_FOUND' } });
        },
        broken: () => {
          throw new Error('connect ECONNREFUSED 10.1.2.3:5432 (secret internals)');
        },
      },
    },
  );
  records = await startTinySubgraph(
    'records',
    `type Patient @key(fields: "id") @auth(requires: [ADMIN, DOCTOR, FINANCE]) {
       id: ID!
       name: String!
       allergies: [String!]! @auth(requires: [ADMIN, DOCTOR])
     }
     type Query { patient(id: ID!): Patient @auth(requires: [ADMIN, DOCTOR, FINANCE]) }`,
    { Query: { patient: (_: unknown, { id }: { id: string }) => ({ id, name: 'Ada Test', allergies: ['penicillin'] }) } },
  );
  // The supergraph records placeholder URLs; the router is pointed at the real ones by override.
  const composed = composeSupergraph([staff, records].map((s) => ({ name: s.name, url: `http://127.0.0.1:9/${s.name}`, sdl: s.sdl })));
  expect(composed.errors).toEqual([]);
  const logger = createLogger('router-test', 'info', new Writable({ write: (chunk, _enc, done) => (logLines.push(String(chunk)), done()) }));
  config = {
    port: 0,
    host: '127.0.0.1',
    supergraphSdl: composed.supergraphSdl!,
    subgraphUrls: { staff: staff.url, records: records.url },
    internalSecret: INTERNAL_SECRET,
    jwt: signer.routerJwt,
    bodyLimitBytes: 4096,
  };
  dev = await startRouter({ ...config, production: false }, { logger });
  prod = await startRouter({ ...config, production: true }, { logger: createLogger('router-test', 'silent') });
});

afterAll(async () => {
  await dev?.close();
  await prod?.close();
  await staff?.close();
  await records?.close();
});

describe('identity forwarding', () => {
  it('answers a public field anonymously and signs the anonymous caller for the subgraph', async () => {
    const before = staff.seen.length;
    const result = await post(dev, '{ ping }', { 'x-request-id': 'client-req-1' });
    expect(result.status).toBe(200);
    expect(result.data).toEqual({ ping: 'pong' });
    // The router mints the id (the audit trail de-duplicates by it); the client's is only echoed apart.
    const requestId = result.headers.get('x-request-id');
    expect(requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(result.headers.get('x-client-request-id')).toBe('client-req-1');
    const seen = staff.seen.slice(before);
    expect(seen).toHaveLength(1);
    expect(verifyIdentity(seen[0]!.headers[IDENTITY_HEADER] as string, INTERNAL_SECRET)).toEqual({ kind: 'anonymous' });
    expect(seen[0]!.headers['x-request-id']).toBe(requestId);
  });

  it('forwards the verified user, never the client-sent identity header or token', async () => {
    const before = staff.seen.length;
    const result = await post(dev, '{ me { id email } }', { ...bearer(tokenFor('doctor')), [IDENTITY_HEADER]: 'forged' });
    expect(result.data).toEqual({ me: { id: 'user-doctor', email: 'doctor@hospital.local' } });
    const headers = staff.seen[before]!.headers;
    expect(headers[IDENTITY_HEADER]).not.toBe('forged');
    expect(verifyIdentity(headers[IDENTITY_HEADER] as string, INTERNAL_SECRET)).toMatchObject({ kind: 'user', userId: 'user-doctor', role: 'doctor' });
    expect(headers['authorization']).toBeUndefined();
  });

  it('mints a fresh request id per request even when a client reuses one, and drops an unsafe client id', async () => {
    const first = await post(dev, '{ ping }', { 'x-request-id': 'reused-id' });
    const second = await post(dev, '{ ping }', { 'x-request-id': 'reused-id' });
    expect(first.headers.get('x-request-id')).not.toBe(second.headers.get('x-request-id'));
    const unsafe = await post(dev, '{ ping }', { 'x-request-id': 'x'.repeat(200) });
    expect(unsafe.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    expect(unsafe.headers.get('x-client-request-id')).toBeNull();
  });
});

describe('edge authorization', () => {
  it('refuses a field the role lacks with 403 FORBIDDEN naming it, without calling the subgraph', async () => {
    const before = records.seen.length;
    const result = await post(dev, 'query Chart { patient(id: "p1") { name ...A } } fragment A on Patient { allergies }', bearer(tokenFor('finance')));
    expect(result.status).toBe(403);
    expect(result.data ?? null).toBeNull();
    expect(result.errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');
    expect(result.errors?.[0]?.message).toContain('Patient.allergies');
    expect(records.seen.length).toBe(before);
  });

  it('lets a role holding every needed role through', async () => {
    const result = await post(dev, '{ patient(id: "p1") { name allergies } }', bearer(tokenFor('doctor')));
    expect(result.status).toBe(200);
    expect(result.data).toEqual({ patient: { name: 'Ada Test', allergies: ['penicillin'] } });
  });

  it('answers anonymous callers of a protected field with 401 UNAUTHENTICATED and calls nobody', async () => {
    const before = records.seen.length + staff.seen.length;
    for (const query of ['{ patient(id: "p1") { name } }', '{ me { id } }', '{ ping me { id } }']) {
      const result = await post(dev, query);
      expect(result.status).toBe(401);
      expect(result.errors?.[0]?.extensions?.['code']).toBe('UNAUTHENTICATED');
      expect(result.headers.get('www-authenticate')).toBe('Bearer');
    }
    expect(records.seen.length + staff.seen.length).toBe(before);
  });
});

describe('access tokens', () => {
  const now = () => Math.floor(Date.now() / 1000);
  const bad: Array<[string, () => string]> = [
    [
      'expired',
      () =>
        jwt.sign({ sub: 'u', role: 'admin', email: 'a@b.c', exp: now() - 600 }, keys.privateKey, {
          algorithm: 'ES256',
          keyid: JWT.keyId,
          issuer: JWT.issuer,
          audience: JWT.audience,
        }),
    ],
    [
      'alg none',
      () => jwt.sign({ sub: 'u', role: 'admin', email: 'a@b.c', exp: now() + 600 }, null, { algorithm: 'none', keyid: JWT.keyId, issuer: JWT.issuer, audience: JWT.audience }),
    ],
    ['wrong kid', () => tokenFor('admin', { keyid: 'other' })],
    ['wrong audience', () => tokenFor('admin', { audience: 'elsewhere' })],
    ['garbage', () => 'garbage'],
  ];
  it.each(bad)('rejects a %s token with 401, even on a public field', async (_name, token) => {
    const before = staff.seen.length;
    const result = await post(dev, '{ ping }', bearer(token()));
    expect(result.status).toBe(401);
    expect(result.errors?.[0]?.extensions?.['code']).toBe('UNAUTHENTICATED');
    expect(staff.seen.length).toBe(before);
  });
});

describe('errors', () => {
  it('passes subgraph error codes through', async () => {
    for (const router of [dev, prod]) {
      const result = await post(router, '{ missing }');
      expect(result.errors?.[0]).toMatchObject({ message: 'No such thing.', extensions: { code: 'NOT_FOUND' } });
    }
  });

  it('masks unexpected errors in production with the request id and no stack trace', async () => {
    const result = await post(prod, '{ broken }', { 'x-request-id': 'req-masked' });
    const requestId = result.headers.get('x-request-id');
    expect(result.errors).toEqual([{ message: 'Internal server error', path: ['broken'], extensions: { code: 'INTERNAL_SERVER_ERROR', requestId } }]);
    expect(JSON.stringify(result)).not.toMatch(/ECONNREFUSED|stacktrace/);
  });

  it('refuses operations over the size limits before any subgraph is called', async () => {
    const before = staff.seen.length + records.seen.length;
    const aliases = Array.from({ length: 21 }, (_, i) => `p${i}: ping`).join(' ');
    // Anonymous: the gate allows one unaliased public root field, before any parsing-heavy check
    // (the alias limit itself, signed in, through fragments: e2e/admission-table.int.test.ts).
    const tooManyAliases = await post(dev, `{ ${aliases} }`);
    expect(tooManyAliases.status).toBe(401);
    expect(tooManyAliases.errors?.[0]?.extensions?.['code']).toBe('UNAUTHENTICATED');
    expect(staff.seen.length + records.seen.length).toBe(before);
  });

  it('answers an oversized body with a JSON 413', async () => {
    const result = await post(dev, `{ ping } # ${'x'.repeat(5000)}`);
    expect(result.status).toBe(413);
    expect(result.errors?.[0]?.extensions?.['code']).toBe('BAD_REQUEST');
  });

  it('refuses batched requests and CSRF-prone GETs', async () => {
    const batch = await fetch(dev.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify([{ query: '{ ping }' }, { query: '{ ping }' }]) });
    expect(batch.status).toBe(400);
    const simpleGet = await fetch(`${dev.url}?query=${encodeURIComponent('{ ping }')}`);
    expect(simpleGet.status).toBe(400);
  });
});

describe('development and production modes', () => {
  it('sends a browser opening /graphql to the bundled explorer in development only, never to Apollo Sandbox', async () => {
    const html = { headers: { accept: 'text/html' }, redirect: 'manual' } as const;
    const devPage = await fetch(dev.url, html);
    expect(devPage.status).toBe(302);
    expect(devPage.headers.get('location')).toBe('/explorer');
    const prodPage = await fetch(prod.url, html);
    expect(prodPage.status).not.toBe(302);
    expect(await prodPage.text()).not.toContain('sandbox');
  });

  it('allows introspection in development only', async () => {
    expect((await post(dev, '{ __schema { queryType { name } } }')).data).toEqual({ __schema: { queryType: { name: 'Query' } } });
    const refused = await post(prod, '{ __schema { queryType { name } } }');
    expect(refused.errors?.[0]?.extensions?.['code']).toBe('GRAPHQL_VALIDATION_FAILED');
  });
});

describe('health', () => {
  it('reports liveness and readiness', async () => {
    expect((await fetch(new URL('/health', dev.url))).status).toBe(200);
    const ready = await fetch(new URL('/ready', dev.url));
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: 'ready' });
  });

  it('is not ready while a subgraph is down', async () => {
    const router = await startRouter(
      { ...config, subgraphUrls: { ...config.subgraphUrls, records: 'http://127.0.0.1:9/graphql' }, production: true },
      { logger: createLogger('t', 'silent') },
    );
    try {
      const ready = await fetch(new URL('/ready', router.url));
      expect(ready.status).toBe(503);
      expect(await ready.json()).toEqual({ status: 'unavailable', down: ['records'] });
      expect((await fetch(new URL('/health', router.url))).status).toBe(200);
    } finally {
      await router.close();
    }
  });

  it('refuses to start with an override for a subgraph the supergraph lacks', async () => {
    await expect(
      startRouter({ ...config, subgraphUrls: { ...config.subgraphUrls, pharmacy: 'http://127.0.0.1:9/graphql' }, production: true }, { logger: createLogger('t', 'silent') }),
    ).rejects.toThrow(/pharmacy/);
  });
});

describe('access log', () => {
  it('writes one line per request with id, operation, status and user, never the token', async () => {
    const token = tokenFor('admin');
    const result = await post(dev, 'query WhoAmI { me { id } }', { ...bearer(token), 'x-request-id': 'log-req-1' });
    const requestId = result.headers.get('x-request-id')!;
    const lines = logLines.filter((l) => l.includes(`"${requestId}"`) && l.includes('"msg":"request"'));
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0]!)).toMatchObject({ requestId, clientRequestId: 'log-req-1', operationName: 'WhoAmI', status: 200, userId: 'user-admin', path: '/graphql' });
    expect(logLines.join('')).not.toContain(token);
  });
});
