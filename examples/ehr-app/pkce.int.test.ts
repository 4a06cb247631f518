/**
 * The example's clinician launch (pkce.ts) against the real router (issue 16): startLaunch's URL
 * reaches the consent screen, the clinician's approval (the call the web app's consent screen
 * makes) sends back a code, and finishLaunch redeems it for a token that reads patients. A
 * returned URL with someone else's state is never redeemed.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createIdentityClient } from '@hospital/grpc-contracts';
import { signIdentity } from '@hospital/service-kit';
import { callMetadata } from '@hospital/service-kit/grpc';
import { testDatabaseUrl } from '../../test/helpers.ts';
import { startTestSystem, type TestSystem } from '@hospital/test-support/system';
import { finishLaunch, refreshLaunch, startLaunch, type LaunchOptions } from './pkce.ts';

const CONSENT = 'https://web.hospital.test/oauth/consent';
let system: TestSystem;
let options: LaunchOptions;
beforeAll(async () => {
  system = await startTestSystem(testDatabaseUrl(), { oauthConsentUrl: CONSENT });
  const identity = createIdentityClient({ target: system.grpcTargets.identity, deadlineMs: 10_000 });
  const metadata = callMetadata(signIdentity({ kind: 'user', userId: randomUUID(), role: 'admin', email: 'admin@test.local' }, system.internalSecret), randomUUID());
  const redirectUri = 'http://localhost:8765/callback';
  const { app } = await identity.registerClientApp(
    {
      name: 'Example EHR (bedside)',
      contact: 'dev@ehr.example',
      allowedScopes: ['user/Patient.rs'],
      allowedOrigins: [],
      jwksJson: '',
      redirectUris: [redirectUri],
      publicClient: true,
    },
    { metadata },
  );
  identity.close();
  options = { baseUrl: system.routerUrl.replace(/\/graphql$/, ''), clientId: app!.id, redirectUri, scope: 'user/Patient.rs' };
}, 120_000);
afterAll(async () => {
  await system?.close();
});

/** The browser's part: authorize, then the clinician approves on the consent screen. */
async function approveAs(authorizeUrl: string): Promise<string> {
  const toConsent = await fetch(authorizeUrl, { redirect: 'manual' });
  expect(toConsent.status).toBe(302);
  const consent = new URL(toConsent.headers.get('location')!);
  expect(`${consent.origin}${consent.pathname}`).toBe(CONSENT);
  const decision = await fetch(`${options.baseUrl}/oauth/authorize/decision`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${await system.tokenFor('doctor')}` },
    body: JSON.stringify({ ...Object.fromEntries(consent.searchParams), approve: true }),
  });
  return ((await decision.json()) as { redirectTo: string }).redirectTo;
}

it('launches, redeems and reads patients as the clinician through the app', async () => {
  const pending = startLaunch(options);
  const { accessToken, scope, expiresIn } = await finishLaunch(options, pending, await approveAs(pending.authorizeUrl));
  expect({ scope, expiresIn }).toEqual({ scope: 'user/Patient.rs', expiresIn: 300 });
  const read = await system.gql('{ patients(first: 1) { totalCount } }', {}, accessToken);
  expect(read.errors).toBeUndefined();
}, 60_000);

it('refreshes without the clinician; the spent refresh token never works again', async () => {
  const pending = startLaunch(options);
  const first = await finishLaunch(options, pending, await approveAs(pending.authorizeUrl));
  const second = await refreshLaunch(options, first.refreshToken);
  expect(second.refreshToken).not.toBe(first.refreshToken);
  expect((await system.gql('{ patients(first: 1) { totalCount } }', {}, second.accessToken)).errors).toBeUndefined();
  await expect(refreshLaunch(options, first.refreshToken)).rejects.toThrow(/invalid_grant/);
}, 60_000);

it('never redeems a code that comes back with another state', async () => {
  const pending = startLaunch(options);
  const returned = new URL(await approveAs(pending.authorizeUrl));
  returned.searchParams.set('state', 'forged');
  await expect(finishLaunch(options, pending, returned.toString())).rejects.toThrow(/state/);
}, 60_000);
