/**
 * A subscription opened by an app acting for a clinician (authorization code + PKCE) ends when the
 * app is revoked, as the same token's HTTP requests do: the open WebSocket is closed with 4401 at
 * the router's next revocation poll, not left streaming until the token expires.
 */
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { Client } from 'graphql-ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createIdentityClient, type IdentityClient } from '@hospital/grpc-contracts';
import { signIdentity } from '@hospital/service-kit';
import { callMetadata } from '@hospital/service-kit/grpc';
import { TEST_CALL_DEADLINE_MS } from '@hospital/service-kit/testing';
import { startTestSystem, type TestSystem } from '@hospital/test-support/system';
import { testDatabaseUrl, until } from '../../../test/helpers.ts';
import { routerWsClient } from '../support/router-ws-client.ts';

const REDIRECT = 'https://ehr.test/callback';
let system: TestSystem;
let identity: IdentityClient;
let base: string;
const clients: Client[] = [];
beforeAll(async () => {
  system = await startTestSystem(testDatabaseUrl(), { oauthConsentUrl: 'https://web.hospital.test/oauth/consent' });
  identity = createIdentityClient({ target: system.grpcTargets.identity, deadlineMs: TEST_CALL_DEADLINE_MS });
  base = system.routerUrl.replace(/\/graphql$/, '');
}, 120_000);
afterAll(async () => {
  await Promise.all(clients.map((c) => c.dispose()));
  identity?.close();
  await system?.close();
});

const asAdmin = () => callMetadata(signIdentity({ kind: 'user', userId: randomUUID(), role: 'admin', email: 'admin@test.local' }, system.internalSecret), randomUUID());

/** A doctor launches a public app allowed user/Appointment.rs; returns the app's id and its token. */
async function launchAsDoctor(): Promise<{ clientId: string; token: string }> {
  const { app } = await identity.registerClientApp(
    { name: 'Ward board', contact: 'dev@board.test', allowedScopes: ['user/Appointment.rs'], allowedOrigins: [], jwksJson: '', redirectUris: [REDIRECT], publicClient: true },
    { metadata: asAdmin() },
  );
  const verifier = randomBytes(32).toString('base64url');
  const query = {
    response_type: 'code',
    client_id: app!.id,
    redirect_uri: REDIRECT,
    scope: 'user/Appointment.rs',
    state: 'st',
    code_challenge: createHash('sha256').update(verifier).digest('base64url'),
    code_challenge_method: 'S256',
  };
  const decision = await fetch(`${base}/oauth/authorize/decision`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${await system.tokenFor('doctor')}` },
    body: JSON.stringify({ ...query, approve: true }),
  });
  const code = new URL(((await decision.json()) as { redirectTo: string }).redirectTo).searchParams.get('code')!;
  const redeemed = await fetch(`${base}/oauth/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'authorization_code', redirect_uri: REDIRECT, client_id: app!.id, code, code_verifier: verifier }).toString(),
  });
  expect(redeemed.status).toBe(200);
  return { clientId: app!.id, token: ((await redeemed.json()) as { access_token: string }).access_token };
}

const APPOINTMENTS = '{ appointments(first: 1) { totalCount } }';
const codeOf = async (token: string) => (await system.gql(APPOINTMENTS, {}, token)).errors?.[0]?.extensions?.['code'] ?? 'OK';

describe("a user app's open subscription", () => {
  it('is closed with 4401 once the app is revoked, as its HTTP requests are refused', async () => {
    const { clientId, token } = await launchAsDoctor();
    expect(await codeOf(token)).toBe('OK');
    const before = system.activeSubscriptions('appointments');
    const client = routerWsClient(system.routerUrl, token);
    clients.push(client);
    const closed = new Promise<number>((resolve) => client.on('closed', (event) => resolve((event as { code: number }).code)));
    client.subscribe({ query: 'subscription { appointmentEvents { id } }' }, { next: () => {}, error: () => {}, complete: () => {} });
    await until(() => system.activeSubscriptions('appointments') > before);

    await identity.revokeClientApp({ id: clientId }, { metadata: asAdmin() });
    await expect.poll(() => codeOf(token), { timeout: 10_000 }).toBe('UNAUTHENTICATED');
    const outcome = await Promise.race([closed, new Promise<string>((resolve) => setTimeout(() => resolve('still open'), 3_000))]);
    expect(outcome).toBe(4401);
  }, 60_000);
});
