/**
 * Access-token keys end to end, through real routers and identity services: rotating the signing
 * key without refusing one valid token, third parties verifying tokens from the router's JWKS, and
 * what deactivating a user does to the tokens they hold (token-revocation.int.test.ts goes further).
 */
import { createPublicKey, generateKeyPairSync, randomUUID, type JsonWebKey } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import jwt from 'jsonwebtoken';
import { afterAll, describe, expect, it } from 'vitest';
import { createLogger } from '@hospital/service-kit';
import { testDatabaseUrl } from '../../../test/helpers.ts';
import { startRouter, type RunningRouter, type VerificationKey } from '../../src/index.ts';
import { identity } from '@hospital/test-support/departments/identity';
import type { TestSystem } from '@hospital/test-support/system';
import { postGraphQL } from '../support/graphql-post.ts';
import { systemForFile } from '../support/system-database.ts';

const HOST = '127.0.0.1';
const SUPERGRAPH = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../supergraph.graphql');
const LOGIN = 'mutation($email: String!, $password: String!) { login(email: $email, password: $password) { accessToken refreshToken } }';
const ME = '{ me { id } }';
const logger = createLogger('e2e', 'silent');

let system: TestSystem;
const closers: Array<() => Promise<void>> = [];

systemForFile((running) => (system = running));
afterAll(async () => {
  for (const close of closers.reverse()) await close();
});

/** A router as a restart with a new key set would bring it up, in front of the system's subgraphs. */
async function startRouterWith(keys: VerificationKey[], identitySubgraphUrl?: string): Promise<RunningRouter> {
  const router = await startRouter(
    {
      port: 0,
      host: HOST,
      supergraphSdl: readFileSync(SUPERGRAPH, 'utf8'),
      // eslint-disable-next-line house/conditional-spread -- spread over the system's subgraph URLs: undefined would replace identity's
      subgraphUrls: { ...system.subgraphUrls, ...(identitySubgraphUrl ? { identity: identitySubgraphUrl } : {}) },
      internalSecret: system.internalSecret,
      jwt: { keys, issuer: system.jwt.issuer, audience: system.jwt.audience },
      production: false,
    },
    { logger },
  );
  closers.push(() => router.close());
  return router;
}

/** The identity service (and its subgraph) restarted with another signing key; returns the subgraph URL. */
async function startIdentityWith(privateKeyPem: string, keyId: string): Promise<string> {
  const ctx = {
    databaseUrl: testDatabaseUrl(),
    internalSecret: system.internalSecret,
    logger,
    production: false,
    jwt: { privateKeyPem, keyId, issuer: system.jwt.issuer, audience: system.jwt.audience },
    grpcTargets: { ...system.grpcTargets },
    kafka: true,
  };
  const service = await identity.startService(ctx);
  closers.push(() => service.close());
  const subgraph = await identity.startSubgraph(ctx, `${HOST}:${service.port}`);
  closers.push(() => subgraph.close());
  return subgraph.url;
}

const post = postGraphQL;

async function login(url: string, account: { email: string; password: string }) {
  const result = await post(url, LOGIN, account);
  const payload = result.data?.['login'] as { accessToken: string; refreshToken: string } | undefined;
  if (!payload) throw new Error(`login failed: ${JSON.stringify(result.errors)}`);
  return payload;
}

/** Expects the token to pass the router and reach the identity subgraph as its user. */
async function expectAccepted(router: { url: string }, token: string, userId: string) {
  const result = await post(router.url, ME, {}, token);
  expect(result.errors).toBeUndefined();
  expect(result.data).toEqual({ me: { id: userId } });
}

async function expectRefused(router: { url: string }, token: string) {
  const result = await post(router.url, ME, {}, token);
  expect(result.status).toBe(401);
  expect(result.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
}

const kidOf = (token: string) => jwt.decode(token, { complete: true })?.header.kid;

async function fetchJwks(router: { url: string }) {
  const response = await fetch(new URL('/.well-known/jwks.json', router.url));
  return { response, jwks: (await response.json()) as { keys: Array<JsonWebKey & { kid: string }> } };
}

describe('signing key rotation', () => {
  it('adds the next key, switches the signer, then drops the old key without refusing a valid token early', async () => {
    const doctor = system.accounts.doctor;
    const current: VerificationKey = { keyId: system.jwt.keyId, publicKeyPem: system.jwt.publicKeyPem };
    const nextPair = generateKeyPairSync('ec', {
      namedCurve: 'P-256',
      privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
      publicKeyEncoding: { type: 'spki', format: 'pem' },
    });
    const next: VerificationKey = { keyId: `next-${randomUUID().slice(0, 8)}`, publicKeyPem: nextPair.publicKey };
    const old = await login(system.routerUrl, doctor);
    expect(kidOf(old.accessToken)).toBe(current.keyId);

    // Step 1: the routers trust both keys; identity still signs with the current one.
    const bothKeys = await startRouterWith([current, next]);
    await expectAccepted(bothKeys, old.accessToken, doctor.id);
    expect((await fetchJwks(bothKeys)).jwks.keys.map((k) => k.kid)).toEqual([current.keyId, next.keyId]);

    // Step 2: identity signs with the next key; tokens of either key pass.
    const nextIdentity = await startIdentityWith(nextPair.privateKey, next.keyId);
    const switched = await startRouterWith([current, next], nextIdentity);
    const fresh = await login(switched.url, doctor);
    expect(kidOf(fresh.accessToken)).toBe(next.keyId);
    await expectAccepted(switched, fresh.accessToken, doctor.id);
    await expectAccepted(switched, old.accessToken, doctor.id);
    // Why step 1 comes first: a router still on the old set refuses the new tokens.
    await expectRefused({ url: system.routerUrl }, fresh.accessToken);

    // Step 3: once every old token has expired, the old key goes; a straggler is refused.
    const nextOnly = await startRouterWith([next], nextIdentity);
    await expectAccepted(nextOnly, fresh.accessToken, doctor.id);
    await expectRefused(nextOnly, old.accessToken);
    expect((await fetchJwks(nextOnly)).jwks.keys.map((k) => k.kid)).toEqual([next.keyId]);
    // Refresh tokens are opaque and outlive the rotation: they yield tokens under the new key.
    const refreshed = await post(nextOnly.url, 'mutation($t: String!) { refreshToken(refreshToken: $t) { accessToken } }', { t: old.refreshToken });
    const renewed = (refreshed.data?.['refreshToken'] as { accessToken: string } | undefined)?.accessToken;
    expect(renewed && kidOf(renewed)).toBe(next.keyId);
    await expectAccepted(nextOnly, renewed!, doctor.id);
  });
});

describe('the public JWKS', () => {
  it('serves the verification keys, cacheable, without any private part', async () => {
    const { response, jwks } = await fetchJwks({ url: system.routerUrl });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^application\/jwk-set\+json/);
    expect(response.headers.get('cache-control')).toBe('public, max-age=300');
    expect(jwks.keys).toHaveLength(1);
    const { x, y } = createPublicKey(system.jwt.publicKeyPem).export({ format: 'jwk' });
    expect(jwks.keys[0]).toEqual({ kty: 'EC', crv: 'P-256', x, y, kid: system.jwt.keyId, alg: 'ES256', use: 'sig' });
    for (const key of jwks.keys) expect(key).not.toHaveProperty('d');
  });

  it('lets a third party verify an access token with nothing but the JWKS', async () => {
    const { accessToken } = await login(system.routerUrl, system.accounts.finance);
    const { jwks } = await fetchJwks({ url: system.routerUrl });
    const jwk = jwks.keys.find((k) => k.kid === kidOf(accessToken));
    expect(jwk).toBeDefined();
    const key = createPublicKey({ key: jwk!, format: 'jwk' });
    const options = { algorithms: ['ES256' as const], issuer: system.jwt.issuer, audience: system.jwt.audience };
    const claims = jwt.verify(accessToken, key, options) as jwt.JwtPayload;
    expect(claims).toMatchObject({ sub: system.accounts.finance.id, role: 'finance' });
    // The same check refuses a token whose claims were changed after signing.
    const [header, , signature] = accessToken.split('.') as [string, string, string];
    const forged = Buffer.from(JSON.stringify({ ...claims, role: 'admin' })).toString('base64url');
    expect(() => jwt.verify(`${header}.${forged}.${signature}`, key, options)).toThrow(/signature/);
  });
});

describe('a deactivated user', () => {
  it('can neither sign in nor refresh, and the access token already issued stops working within a poll', async () => {
    const admin = await system.tokenFor('admin');
    const account = { email: `leaver-${randomUUID().slice(0, 8)}@test.hospital.local`, password: 'quartz-meadow-lantern-41' };
    const created = await system.gql<{ createUser: { id: string } }>(
      'mutation($input: CreateUserInput!) { createUser(input: $input) { id } }',
      { input: { ...account, displayName: 'Leaver', role: 'DOCTOR' } },
      admin,
    );
    const id = created.data!.createUser.id;
    const session = await login(system.routerUrl, account);

    const deactivated = await system.gql('mutation($id: ID!) { deactivateUser(id: $id) { active } }', { id }, admin);
    expect(deactivated.data).toEqual({ deactivateUser: { active: false } });

    const again = await post(system.routerUrl, LOGIN, account);
    expect(again.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const refreshed = await post(system.routerUrl, 'mutation($t: String!) { refreshToken(refreshToken: $t) { accessToken } }', { t: session.refreshToken });
    expect(refreshed.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');

    // The token is a self-contained JWT, but the router's revocation list (polled from identity)
    // refuses it long before it expires (ACCESS_TOKEN_TTL, 15 minutes by default).
    const query = '{ me { id } patients(first: 1) { totalCount } }';
    await expect
      .poll(async () => (await post(system.routerUrl, query, {}, session.accessToken)).errors?.[0]?.extensions?.code, { timeout: 10_000, interval: 100 })
      .toBe('UNAUTHENTICATED');
    const refused = await post(system.routerUrl, query, {}, session.accessToken);
    expect(refused.status).toBe(401);
    expect(refused.data ?? undefined).toBeUndefined();
  });
});
