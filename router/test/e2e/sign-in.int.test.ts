/**
 * Sign-in end to end through the real router, identity subgraph and service: a flood of wrong
 * logins answers only "wrong" (200 UNAUTHENTICATED), 429 or 503 with Retry-After, never a 500, while a
 * real login gets through; an address guessing one account is slowed down (429) and an admin can
 * unlock it; and an access token stops working within one revocation poll once its session ends
 * (logout, or refresh-token reuse), while the user's other sessions keep working.
 */
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { TestSystem } from '@hospital/test-support/system';
import { bearerHeader } from '@hospital/test-support/bearer';
import { systemForFile } from '../support/system-database.ts';

const LOGIN = 'mutation($email: String!, $password: String!) { login(email: $email, password: $password) { accessToken refreshToken } }';
const REFRESH = 'mutation($t: String!) { refreshToken(refreshToken: $t) { accessToken refreshToken } }';
const ME = '{ me { id } }';
/** A revocation must show well within this (the test system polls every 250 ms). */
const PATIENCE = { timeout: 10_000, interval: 100 };

let system: TestSystem;
systemForFile((running) => (system = running));

interface Answer {
  status: number;
  retryAfter: string | null;
  code?: string;
  data?: Record<string, { accessToken: string; refreshToken: string } | null> | null;
}

/** A POST to the router, keeping the status and Retry-After header. */
async function post(query: string, variables: Record<string, unknown>, token?: string): Promise<Answer> {
  const response = await fetch(system.routerUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...bearerHeader(token) },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: Answer['data']; errors?: Array<{ extensions?: { code?: string } }> };
  return { status: response.status, retryAfter: response.headers.get('retry-after'), code: body.errors?.[0]?.extensions?.code, data: body.data };
}

/** A login as a browser would do it: on 429/503 wait what Retry-After says and try again. */
async function patientLogin(email: string, password: string): Promise<{ accessToken: string; refreshToken: string }> {
  for (let attempt = 0; attempt < 20; attempt++) {
    const answer = await post(LOGIN, { email, password });
    if (answer.data?.['login']) return answer.data['login'];
    if (answer.status !== 429 && answer.status !== 503) throw new Error(`login failed: ${answer.status} ${answer.code}`);
    await new Promise((r) => setTimeout(r, Number(answer.retryAfter ?? 1) * 1000));
  }
  throw new Error('login never got through');
}

async function newStaff(): Promise<{ id: string; email: string; password: string }> {
  const account = { email: `signin-${randomUUID().slice(0, 8)}@test.hospital.local`, password: `kettle orbit ${randomUUID().slice(0, 6)}` };
  const created = await system.gql<{ createUser: { id: string } }>(
    'mutation($input: CreateUserInput!) { createUser(input: $input) { id } }',
    { input: { ...account, displayName: 'Sign In', role: 'DOCTOR' } },
    await system.tokenFor('admin'),
  );
  expect(created.errors).toBeUndefined();
  return { id: created.data!.createUser.id, ...account };
}

describe('a flood of wrong logins', () => {
  it('answers only UNAUTHENTICATED, 429 or 503 with Retry-After (never a 500), and a real login still gets through', async () => {
    const staff = await newStaff();
    const flood = Array.from({ length: 40 }, (_, i) => post(LOGIN, { email: `flood-${i}-${randomUUID().slice(0, 6)}@test.hospital.local`, password: 'not the password' }));
    const started = performance.now();
    const real = patientLogin(staff.email, staff.password);
    const answers = await Promise.all(flood);
    expect(await real).toMatchObject({ accessToken: expect.any(String) });
    expect(performance.now() - started).toBeLessThan(30_000);
    for (const answer of answers) {
      expect([200, 429, 503]).toContain(answer.status);
      expect(['UNAUTHENTICATED', 'RATE_LIMITED', 'SERVICE_UNAVAILABLE']).toContain(answer.code);
      if (answer.status !== 200) expect(Number(answer.retryAfter)).toBeGreaterThan(0);
    }
  });
});

describe('guessing one account from one address', () => {
  it('is slowed down with 429 after a few failures (the right password too), and an admin unlock lifts it', async () => {
    const staff = await newStaff();
    for (let i = 0; i < 5; i++) expect((await post(LOGIN, { email: staff.email, password: `guess number ${i}` })).code).toBe('UNAUTHENTICATED');
    const held = await post(LOGIN, { email: staff.email, password: staff.password });
    expect(held).toMatchObject({ status: 429, code: 'RATE_LIMITED' });
    expect(Number(held.retryAfter)).toBeGreaterThan(0);
    // An unknown email is held the same way: a 429 does not say whether the account exists.
    const ghost = `ghost-${randomUUID().slice(0, 8)}@test.hospital.local`;
    for (let i = 0; i < 5; i++) expect((await post(LOGIN, { email: ghost, password: `guess number ${i}` })).code).toBe('UNAUTHENTICATED');
    expect(await post(LOGIN, { email: ghost, password: 'one more guess' })).toMatchObject({ status: 429, code: 'RATE_LIMITED' });

    const unlocked = await system.gql('mutation($id: ID!) { unlockUser(id: $id) { id } }', { id: staff.id }, await system.tokenFor('admin'));
    expect(unlocked.errors).toBeUndefined();
    expect((await post(LOGIN, { email: staff.email, password: staff.password })).data?.['login']?.accessToken).toEqual(expect.any(String));
  });
});

describe('an ended session', () => {
  it('takes its access token with it within a poll after logout; the user’s other session keeps working', async () => {
    const staff = await newStaff();
    const leaving = await patientLogin(staff.email, staff.password);
    const staying = await patientLogin(staff.email, staff.password);
    expect((await post(ME, {}, leaving.accessToken)).status).toBe(200);
    expect(await system.gql('mutation($t: String!) { logout(refreshToken: $t) }', { t: leaving.refreshToken })).toMatchObject({ data: { logout: true } });
    await expect.poll(async () => (await post(ME, {}, leaving.accessToken)).status, PATIENCE).toBe(401);
    expect(await post(ME, {}, staying.accessToken)).toMatchObject({ status: 200, data: { me: { id: staff.id } } });
  });

  it('takes every access token of the session with it when a spent refresh token is replayed', async () => {
    const staff = await newStaff();
    const first = await patientLogin(staff.email, staff.password);
    const rotated = (await post(REFRESH, { t: first.refreshToken })).data!['refreshToken']!;
    expect((await post(ME, {}, rotated.accessToken)).status).toBe(200);
    // A thief replays the spent token: the session ends, and with it both access tokens.
    expect((await post(REFRESH, { t: first.refreshToken })).code).toBe('UNAUTHENTICATED');
    await expect.poll(async () => (await post(ME, {}, rotated.accessToken)).status, PATIENCE).toBe(401);
    expect((await post(ME, {}, first.accessToken)).status).toBe(401);
  });
});
