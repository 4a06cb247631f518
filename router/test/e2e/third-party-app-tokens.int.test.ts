/**
 * An app's issued tokens through the real router (issue 16): rotating the client secret ends the
 * tokens issued with the old one at the router's next revocation poll (they used to live out
 * their 5 minutes), while tokens issued with the new secret keep working. A browser app's
 * registered origin may open the subscriptions WebSocket as it may call /graphql over HTTP (one
 * origin rule), until the app is revoked; other origins stay refused.
 */
import { randomUUID } from 'node:crypto';
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { describe, expect, it } from 'vitest';
import type { IdentityClient } from '@hospital/grpc-contracts';
import type { TestSystem } from '@hospital/test-support/system';
import { adminCallMetadata, clientCredentialsToken } from '../support/client-apps.ts';
import { socketsOnSystemWithIdentity } from '../support/socket-system.ts';

let system: TestSystem;
let identity: IdentityClient;
const { clients } = socketsOnSystemWithIdentity((harness) => ({ system, identity } = harness));

const asAdmin = () => adminCallMetadata(system);
const token = (id: string, secret: string) => clientCredentialsToken(system, id, secret);
const PATIENTS = '{ patients(first: 1) { totalCount } }';
const codeOf = async (bearer: string) => (await system.gql(PATIENTS, {}, bearer)).errors?.[0]?.extensions?.['code'] ?? 'OK';

describe('rotateClientSecret', () => {
  it('ends the tokens issued with the old secret at the next poll; those of the new secret keep working', async () => {
    const { app, clientSecret } = await identity.registerClientApp(
      { name: 'Rotating app', contact: 'dev@ehr.test', allowedScopes: ['system/Patient.rs'], allowedOrigins: [], jwksJson: '' },
      { metadata: asAdmin() },
    );
    const old = await token(app!.id, clientSecret);
    expect(await codeOf(old)).toBe('OK');
    const { clientSecret: next } = await identity.rotateClientSecret({ id: app!.id }, { metadata: asAdmin() });
    const fresh = await token(app!.id, next);
    await expect.poll(() => codeOf(old), { timeout: 5_000 }).toBe('UNAUTHENTICATED');
    expect(await codeOf(fresh)).toBe('OK');
    expect(await codeOf(await token(app!.id, next))).toBe('OK');
  });
});

/** Opens the router's WebSocket from a browser origin with a token: 'connected', or the close code. */
function connectFrom(origin: string, bearer: string): Promise<'connected' | number> {
  class FromOrigin extends WebSocket {
    constructor(url: string, protocols?: string | string[]) {
      super(url, protocols, { origin });
    }
  }
  return new Promise((resolve) => {
    const client = createClient({
      url: system.routerUrl.replace(/^http/, 'ws'),
      webSocketImpl: FromOrigin,
      lazy: false,
      retryAttempts: 0,
      onNonLazyError: () => {},
      connectionParams: { authorization: `Bearer ${bearer}` },
      on: { connected: () => resolve('connected'), closed: (event) => resolve((event as { code: number }).code) },
    });
    clients.push(client);
  });
}

describe('the subscriptions WebSocket from a browser app', () => {
  it("admits a live app's registered origin, as CORS does, and drops it once the app is revoked", async () => {
    const origin = `https://ehr-${randomUUID().slice(0, 8)}.test`;
    const { app, clientSecret } = await identity.registerClientApp(
      { name: 'Browser app', contact: 'dev@ehr.test', allowedScopes: ['system/Appointment.rs'], allowedOrigins: [origin], jwksJson: '' },
      { metadata: asAdmin() },
    );
    const bearer = await token(app!.id, clientSecret);
    await expect.poll(() => connectFrom(origin, bearer), { timeout: 5_000 }).toBe('connected');
    expect(await connectFrom('https://evil.test', bearer)).toBe(4403);
    await identity.revokeClientApp({ id: app!.id }, { metadata: asAdmin() });
    // Another app's live token from the revoked app's origin: the origin itself is no longer admitted.
    const other = await identity.registerClientApp(
      { name: 'Other app', contact: 'dev@ehr.test', allowedScopes: ['system/Appointment.rs'], allowedOrigins: [], jwksJson: '' },
      { metadata: asAdmin() },
    );
    const otherBearer = await token(other.app!.id, other.clientSecret);
    await expect.poll(() => connectFrom(origin, otherBearer), { timeout: 5_000 }).toBe(4403);
  });
});
