/**
 * The consent screen shows one app's request and posts the clinician's answer for the request it
 * read: the router must read the authorization request exactly as the screen does. Express's query
 * parser keeps only the first 1000 parameters while the screen (URLSearchParams) reads them all, so
 * a link with one app's parameters, 1000 fillers and another app's parameters showed the first app
 * and had the clinician approve the second (its redirect URI got the code, its verifier redeemed it).
 */
import { createHash, randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IdentityClient } from '@hospital/grpc-contracts';
import type { TestSystem } from '@hospital/test-support/system';
import { testDatabaseUrl } from '../../../test/helpers.ts';
import { adminCallMetadata, startSystemWithIdentity, TEST_CONSENT_URL } from '../support/client-apps.ts';

let system: TestSystem;
let identity: IdentityClient;
let base: string;
beforeAll(async () => {
  ({ system, identity, base } = await startSystemWithIdentity(testDatabaseUrl(), { oauthConsentUrl: TEST_CONSENT_URL }));
}, 120_000);
afterAll(async () => {
  identity?.close();
  await system?.close();
});

const asAdmin = () => adminCallMetadata(system);
const register = async (name: string, redirectUri: string) =>
  (
    await identity.registerClientApp(
      { name, contact: 'dev@apps.test', allowedScopes: ['user/Patient.rs'], allowedOrigins: [], jwksJson: '', redirectUris: [redirectUri], publicClient: true },
      { metadata: asAdmin() },
    )
  ).app!.id;
const request = (clientId: string, redirectUri: string) =>
  new URLSearchParams({
    response_type: 'code',
    client_id: clientId,
    redirect_uri: redirectUri,
    scope: 'user/Patient.rs',
    state: 'st',
    code_challenge: createHash('sha256').update(randomBytes(32).toString('base64url')).digest('base64url'),
    code_challenge_method: 'S256',
  }).toString();

describe('the consent request', () => {
  it('is read whole: a parameter repeated after 1000 others is refused, not hidden from the screen', async () => {
    const trusted = await register('Trusted chart viewer', 'https://trusted.test/cb');
    const evil = await register('Other app', 'https://other.test/cb');
    const query = `?${request(trusted, 'https://trusted.test/cb')}&${Array.from({ length: 1000 }, () => 'x=').join('&')}&${request(evil, 'https://other.test/cb')}`;
    const doctor = await system.tokenFor('doctor');
    // What the consent screen shows (consent-api.ts loadConsentRequest).
    const shown = await fetch(`${base}/oauth/authorize/request${query}`, { headers: { authorization: `Bearer ${doctor}` } });
    const body = (await shown.json()) as { appName?: string; error?: string };
    expect(body.appName).toBeUndefined();
    expect(shown.status).toBe(400);
    expect(body.error).toBe('invalid_request');
    // And the authorize endpoint reads the link the same way.
    const authorize = await fetch(`${base}/oauth/authorize${query}`, { redirect: 'manual' });
    expect(authorize.status).toBe(400);
  });
});
