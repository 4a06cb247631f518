/**
 * Identity end to end through the router: login, me, refresh rotation, logout,
 * and a token the router did not verify never reaching a subgraph.
 */
import { randomUUID } from 'node:crypto';
import jwt from 'jsonwebtoken';
import { describe, expect, it } from 'vitest';
import type { TestSystem } from '@hospital/test-support/system';
import { systemForFile } from '../support/system-database.ts';

let system: TestSystem;

const LOGIN = `mutation($email: String!, $password: String!) {
  login(email: $email, password: $password) { accessToken refreshToken expiresAt user { id email role } }
}`;
const REFRESH = 'mutation($t: String!) { refreshToken(refreshToken: $t) { accessToken refreshToken user { id } } }';

interface Login {
  accessToken: string;
  refreshToken: string;
  expiresAt: string;
  user: { id: string; email: string; role: string };
}

systemForFile((running) => (system = running));

describe('login', () => {
  it('issues an ES256 access token carrying the role, and me answers with the user', async () => {
    const { email, password, id } = system.accounts.pharmacist;
    const result = await system.gql<{ login: Login }>(LOGIN, { email: email.toUpperCase(), password });
    expect(result.errors).toBeUndefined();
    const login = result.data!.login;
    expect(login.user).toEqual({ id, email, role: 'PHARMACIST' });
    expect(new Date(login.expiresAt).getTime()).toBeGreaterThan(Date.now());
    const decoded = jwt.decode(login.accessToken, { complete: true });
    expect(decoded?.header.alg).toBe('ES256');
    expect(decoded?.header.kid).toBe(system.jwt.keyId);
    const me = await system.gql<{ me: { id: string; role: string } }>('{ me { id role } }', {}, login.accessToken);
    expect(me.data?.me).toEqual({ id, role: 'PHARMACIST' });
  });

  it('answers a wrong password and an unknown email with the same UNAUTHENTICATED error', async () => {
    const wrong = await system.gql(LOGIN, { email: system.accounts.finance.email, password: 'not-the-password' });
    const unknown = await system.gql(LOGIN, { email: `nobody-${randomUUID()}@test.hospital.local`, password: 'whatever-password' });
    expect(wrong.errors?.[0]?.extensions?.['code']).toBe('UNAUTHENTICATED');
    expect(unknown.errors?.[0]?.extensions?.['code']).toBe('UNAUTHENTICATED');
    expect(wrong.errors?.[0]?.message).toBe(unknown.errors?.[0]?.message);
  });
  // Throttling (no lock anyone can trigger) is covered by sign-in.int.test.ts.
});

describe('refresh tokens', () => {
  it('rotate: the new one works, the old one is spent, and reusing it ends the session', async () => {
    const { email, password } = system.accounts.ward_staff;
    const first = (await system.gql<{ login: Login }>(LOGIN, { email, password })).data!.login;
    const second = await system.gql<{ refreshToken: Login }>(REFRESH, { t: first.refreshToken });
    expect(second.errors).toBeUndefined();
    const rotated = second.data!.refreshToken.refreshToken;
    expect(rotated).not.toBe(first.refreshToken);

    const reuse = await system.gql(REFRESH, { t: first.refreshToken });
    expect(reuse.errors?.[0]?.extensions?.['code']).toBe('UNAUTHENTICATED');
    // Reuse of a spent token revokes the family: the rotated token dies too.
    const afterReuse = await system.gql(REFRESH, { t: rotated });
    expect(afterReuse.errors?.[0]?.extensions?.['code']).toBe('UNAUTHENTICATED');
  });

  it('let exactly one of two concurrent refreshes with the same token win', async () => {
    const { email, password } = system.accounts.doctor;
    const login = (await system.gql<{ login: Login }>(LOGIN, { email, password })).data!.login;
    const results = await Promise.all([1, 2].map(() => system.gql(REFRESH, { t: login.refreshToken })));
    expect(results.filter((r) => !r.errors).length).toBe(1);
  });

  it('stop working after logout', async () => {
    const { email, password } = system.accounts.finance;
    const login = (await system.gql<{ login: Login }>(LOGIN, { email, password })).data!.login;
    const out = await system.gql<{ logout: boolean }>('mutation($t: String!) { logout(refreshToken: $t) }', { t: login.refreshToken });
    expect(out.data?.logout).toBe(true);
    const again = await system.gql<{ logout: boolean }>('mutation($t: String!) { logout(refreshToken: $t) }', { t: login.refreshToken });
    expect(again.data?.logout).toBe(false);
    const refreshed = await system.gql(REFRESH, { t: login.refreshToken });
    expect(refreshed.errors?.[0]?.extensions?.['code']).toBe('UNAUTHENTICATED');
  });
});

describe('tokens the router does not accept', () => {
  it('rejects alg none, a foreign key, an expired token and garbage with 401', async () => {
    const { id, email } = system.accounts.admin;
    const claims = { sub: id, role: 'admin', email };
    const opts = { issuer: system.jwt.issuer, audience: system.jwt.audience, keyid: system.jwt.keyId };
    const none = jwt.sign(claims, '', { ...opts, algorithm: 'none' });
    const foreign = jwt.sign(claims, (await import('node:crypto')).generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey, {
      ...opts,
      algorithm: 'ES256',
    });
    const expired = jwt.sign({ ...claims, exp: Math.floor(Date.now() / 1000) - 3600 }, system.jwt.privateKeyPem, { ...opts, algorithm: 'ES256' });
    for (const token of [none, foreign, expired, 'garbage']) {
      const result = await system.gql('{ me { id } }', {}, token);
      expect(result.status).toBe(401);
      expect(result.errors?.[0]?.extensions?.['code']).toBe('UNAUTHENTICATED');
    }
  });

  it('ignores an x-hospital-identity header sent by a client', async () => {
    const result = await system.gql('{ me { id } }', {}, undefined, { 'x-hospital-identity': 'forged' });
    expect(result.errors?.[0]?.extensions?.['code']).toBe('UNAUTHENTICATED');
  });

  it('refuses a subgraph request that did not come through the router', async () => {
    const response = await fetch(system.subgraphUrls.patients, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ patients(first: 1) { totalCount } }' }),
    });
    const body = (await response.json()) as { errors?: Array<{ extensions?: { code?: string } }> };
    expect(response.status).toBe(401);
    expect(body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });
});
