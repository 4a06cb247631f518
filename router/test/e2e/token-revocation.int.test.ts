/**
 * Token revocation end to end, through the real router and identity service, with no Kafka and no
 * Redis: deactivating a user or changing their role makes the access tokens they already hold fail
 * with UNAUTHENTICATED within a poll (HTTP and open subscriptions), while fresh logins carry the
 * new state; readiness waits for the first list, and a failed poll keeps the list it had.
 */
import { randomUUID } from 'node:crypto';
import type { Client } from 'graphql-ws';
import { routerWsClient } from '../support/router-ws-client.ts';
import jwt from 'jsonwebtoken';
import { afterAll, describe, expect, it } from 'vitest';
import { createLogger } from '@hospital/service-kit';
import { testDatabaseUrl, until } from '../../../test/helpers.ts';
import { startRouter, type RunningRouter } from '../../src/index.ts';
import { identity } from '@hospital/test-support/departments/identity';
import type { TestSystem } from '@hospital/test-support/system';
import { postGraphQL } from '../support/graphql-post.ts';
import { routerConfigFor } from '@hospital/test-support/router-config';
import { systemForFile } from '../support/system-database.ts';

const HOST = '127.0.0.1';
const LOGIN = 'mutation($email: String!, $password: String!) { login(email: $email, password: $password) { accessToken refreshToken } }';
const ME = '{ me { id role } }';
/** A revocation must show well within this (the test system polls every 250 ms). */
const PATIENCE = { timeout: 10_000, interval: 100 };
const logger = createLogger('e2e', 'silent');

let system: TestSystem;
const closers: Array<() => Promise<void>> = [];
const clients: Client[] = [];

systemForFile((running) => (system = running));
afterAll(async () => {
  await Promise.all(clients.map((c) => c.dispose()));
  for (const close of closers.reverse()) await close();
});

const post = postGraphQL;

/** The error code the router answers `me` with for this token, or 'OK'. */
async function meCode(url: string, token: string): Promise<string> {
  const result = await post(url, ME, {}, token);
  return result.errors?.[0]?.extensions?.code ?? 'OK';
}

/** A new staff member (admin-created, so tests do not share accounts) and their first session. */
async function newStaff(role: 'DOCTOR' | 'PHARMACIST' = 'DOCTOR') {
  const account = { email: `revoked-${randomUUID().slice(0, 8)}@test.hospital.local`, password: 'a-password-to-revoke' };
  const created = await system.gql<{ createUser: { id: string } }>(
    'mutation($input: CreateUserInput!) { createUser(input: $input) { id } }',
    { input: { ...account, displayName: 'Soon Revoked', role } },
    await system.tokenFor('admin'),
  );
  const id = created.data!.createUser.id;
  const session = await post(system.routerUrl, LOGIN, account);
  const tokens = session.data?.['login'] as { accessToken: string; refreshToken: string };
  return { id, account, ...tokens };
}

/** A graphql-ws client subscribed through the router; resolves with the close code when the socket closes. */
function subscribe(url: string, token: string) {
  const client = routerWsClient(url, token);
  clients.push(client);
  const closed = new Promise<number>((resolve) => client.on('closed', (event) => resolve((event as { code: number }).code)));
  client.subscribe({ query: 'subscription { appointmentEvents { id } }' }, { next: () => {}, error: () => {}, complete: () => {} });
  return { closed };
}

async function readiness(router: { url: string }): Promise<number> {
  const response = await fetch(new URL('/ready', router.url));
  await response.body?.cancel();
  return response.status;
}

async function readinessBody(router: { url: string }): Promise<unknown> {
  return (await fetch(new URL('/ready', router.url))).json();
}

/** A second router in front of the system's subgraphs, polling the given identity target. */
async function routerPolling(identityGrpcTarget: string): Promise<RunningRouter> {
  const router = await startRouter(
    {
      ...routerConfigFor(system, HOST),
      tokenRevocation: { identityGrpcTarget, pollIntervalMs: 200 },
      production: false,
    },
    { logger },
  );
  closers.push(() => router.close());
  return router;
}

describe('a deactivated user', () => {
  it('loses the access token they hold within a poll, over HTTP and on an open subscription, and cannot sign in again', async () => {
    const doctor = await newStaff();
    expect(await post(system.routerUrl, ME, {}, doctor.accessToken)).toMatchObject({ data: { me: { id: doctor.id, role: 'DOCTOR' } } });
    const before = system.activeSubscriptions('appointments');
    const subscription = subscribe(system.routerUrl, doctor.accessToken);
    await until(() => system.activeSubscriptions('appointments') > before);

    const deactivated = await system.gql('mutation($id: ID!) { deactivateUser(id: $id) { active } }', { id: doctor.id }, await system.tokenFor('admin'));
    expect(deactivated.data).toEqual({ deactivateUser: { active: false } });

    await expect.poll(() => meCode(system.routerUrl, doctor.accessToken), PATIENCE).toBe('UNAUTHENTICATED');
    expect((await post(system.routerUrl, ME, {}, doctor.accessToken)).status).toBe(401);
    // The open subscription ends like an expired token's.
    expect(await subscription.closed).toBe(4401);
    // Neither a new connection nor a new login gets in.
    expect(await subscribe(system.routerUrl, doctor.accessToken).closed).toBe(4401);
    const again = await post(system.routerUrl, LOGIN, doctor.account);
    expect(again.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    // Colleagues are untouched.
    expect(await meCode(system.routerUrl, await system.tokenFor('doctor'))).toBe('OK');
  });
});

describe('a role change', () => {
  it('invalidates tokens carrying the old role; a fresh login (or refresh) carries the new one', async () => {
    const user = await newStaff('DOCTOR');
    expect(await meCode(system.routerUrl, user.accessToken)).toBe('OK');

    const changed = await system.gql('mutation($id: ID!) { changeUserRole(id: $id, role: PHARMACIST) { role } }', { id: user.id }, await system.tokenFor('admin'));
    expect(changed.data).toEqual({ changeUserRole: { role: 'PHARMACIST' } });
    // Signed in straight away, possibly within the revocation's second: still a valid token.
    const fresh = await post(system.routerUrl, LOGIN, user.account);
    const freshToken = (fresh.data?.['login'] as { accessToken: string }).accessToken;
    expect(jwt.decode(freshToken)).toMatchObject({ sub: user.id, role: 'pharmacist' });

    await expect.poll(() => meCode(system.routerUrl, user.accessToken), PATIENCE).toBe('UNAUTHENTICATED');
    expect(await post(system.routerUrl, ME, {}, freshToken)).toMatchObject({ data: { me: { id: user.id, role: 'PHARMACIST' } } });
    // The session itself survives a role change: its refresh yields a token with the new role.
    const refreshed = await post(system.routerUrl, 'mutation($t: String!) { refreshToken(refreshToken: $t) { accessToken } }', { t: user.refreshToken });
    const refreshedToken = (refreshed.data?.['refreshToken'] as { accessToken: string }).accessToken;
    expect(await post(system.routerUrl, ME, {}, refreshedToken)).toMatchObject({ data: { me: { role: 'PHARMACIST' } } });
  });
});

describe('the revocation poll', () => {
  it('keeps a router unready until the first list arrives, though it starts and answers /health', async () => {
    // Nothing listens on port 1: every poll fails.
    const router = await routerPolling(`${HOST}:1`);
    const health = await fetch(new URL('/health', router.url));
    expect(health.status).toBe(200);
    expect(await readiness(router)).toBe(503);
    expect(await readinessBody(router)).toEqual({ status: 'starting' });
    // It cannot tell a revoked token from a good one yet: signed-in users wait, nobody slips in.
    const waiting = await post(router.url, ME, {}, await system.tokenFor('doctor'));
    expect(waiting.status).toBe(503);
    expect(waiting.errors?.[0]?.extensions?.code).toBe('SERVICE_UNAVAILABLE');
    expect(waiting.data ?? null).toBeNull();
  });

  it('keeps the last list when identity stops answering: revoked stays revoked, everyone else keeps working', async () => {
    const ctx = {
      databaseUrl: testDatabaseUrl(),
      internalSecret: system.internalSecret,
      logger,
      production: false,
      jwt: { ...system.jwt },
      grpcTargets: { ...system.grpcTargets },
      kafka: true,
    };
    const service = await identity.startService(ctx);
    let stopped = false;
    closers.push(async () => {
      if (!stopped) await service.close();
    });
    const router = await routerPolling(`${HOST}:${service.port}`);
    await expect.poll(() => readiness(router), PATIENCE).toBe(200);

    const leaver = await newStaff();
    expect(await meCode(router.url, leaver.accessToken)).toBe('OK');
    await system.gql('mutation($id: ID!) { deactivateUser(id: $id) { active } }', { id: leaver.id }, await system.tokenFor('admin'));
    await expect.poll(() => meCode(router.url, leaver.accessToken), PATIENCE).toBe('UNAUTHENTICATED');

    // The identity service this router polls goes away (the system's own keeps serving the subgraph).
    await service.close();
    stopped = true;
    const colleague = await system.tokenFor('doctor');
    const waitUntil = Date.now() + 1_000;
    while (Date.now() < waitUntil) {
      expect(await meCode(router.url, leaver.accessToken)).toBe('UNAUTHENTICATED');
      expect(await meCode(router.url, colleague)).toBe('OK');
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(await readiness(router)).toBe(200);
  });
});
