/**
 * A subscription opened by an app acting for a clinician (authorization code + PKCE) ends when the
 * app is revoked, as the same token's HTTP requests do: the open WebSocket is closed with 4401 at
 * the router's next revocation poll, not left streaming until the token expires.
 */
import { describe, expect, it } from 'vitest';
import type { IdentityClient } from '@hospital/grpc-contracts';
import type { TestSystem } from '@hospital/test-support/system';
import { until } from '../../../test/helpers.ts';
import { adminCallMetadata, launchUserApp, TEST_CONSENT_URL, type SystemWithIdentity } from '../support/client-apps.ts';
import { routerWsClient } from '../support/router-ws-client.ts';
import { socketsOnSystemWithIdentity } from '../support/socket-system.ts';

const REDIRECT = 'https://ehr.test/callback';
let harness: SystemWithIdentity;
let system: TestSystem;
let identity: IdentityClient;
const { clients } = socketsOnSystemWithIdentity(
  (started) => {
    harness = started;
    ({ system, identity } = started);
  },
  { oauthConsentUrl: TEST_CONSENT_URL },
);

const asAdmin = () => adminCallMetadata(system);

/** A doctor launches a public app allowed user/Appointment.rs; returns the app's id and its token. */
async function launchAsDoctor(): Promise<{ clientId: string; token: string }> {
  const { clientId, first } = await launchUserApp(harness, { name: 'Ward board', redirectUri: REDIRECT, scopes: ['user/Appointment.rs'] });
  return { clientId, token: first.access_token! };
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
