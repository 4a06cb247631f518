/**
 * Third-party apps through the real identity service and PostgreSQL: registration (admin only,
 * secret shown once), rotation, revocation, and IssueClientToken with secrets and RFC 7523
 * assertions (wrong secret, replayed, expired, too long-lived, wrong audience, revoked, scope escalation).
 */
import { randomUUID } from 'node:crypto';
import { status } from '@grpc/grpc-js';
import { exportJWK, generateKeyPair, SignJWT, type CryptoKey } from 'jose';
import jwt from 'jsonwebtoken';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectGrpcError } from '@hospital/service-kit/testing';
import { testDatabaseUrl } from '../../../../../test/helpers.ts';
import { startIdentityHarness, type IdentityHarness } from '../testing/identity-harness.ts';
import { TOKEN_ENDPOINT } from '../testing/user-app-fixtures.ts';

let harness: IdentityHarness;
let keys: { privateKey: CryptoKey; publicJwk: object };
beforeAll(async () => {
  harness = await startIdentityHarness(testDatabaseUrl());
  const pair = await generateKeyPair('ES384');
  keys = { privateKey: pair.privateKey, publicJwk: { ...(await exportJWK(pair.publicKey)), kid: 'k1', alg: 'ES384' } };
});
afterAll(() => harness?.close());

const asRouter = () => harness.as({ kind: 'service', service: 'router' });
const register = (overrides: Partial<{ allowedScopes: string[]; jwksJson: string; allowedOrigins: string[] }> = {}) =>
  harness.client.registerClientApp(
    {
      name: 'EHR app',
      contact: 'dev@ehr.test',
      allowedScopes: ['system/Patient.rs', 'system/Appointment.cruds'],
      allowedOrigins: ['https://ehr.test'],
      jwksJson: '',
      ...overrides,
    },
    { metadata: harness.asAdmin() },
  );
const issue = (request: Partial<{ clientId: string; clientSecret: string; clientAssertion: string; scope: string }>) =>
  harness.client.issueClientToken({ clientId: '', clientSecret: '', clientAssertion: '', scope: '', tokenEndpoint: TOKEN_ENDPOINT, ...request }, { metadata: asRouter() });
const assertion = (clientId: string, claims: { exp?: number; jti?: string; aud?: string } = {}) => {
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT({ jti: claims.jti ?? randomUUID() })
    .setProtectedHeader({ alg: 'ES384', kid: 'k1' })
    .setIssuer(clientId)
    .setSubject(clientId)
    .setAudience(claims.aud ?? TOKEN_ENDPOINT)
    .setIssuedAt(now)
    .setExpirationTime(claims.exp ?? now + 240)
    .sign(keys.privateKey);
};

describe('registering apps', () => {
  it('admits admins only, and shows the secret once', async () => {
    await expectGrpcError(
      harness.client.registerClientApp(
        { name: 'x', contact: 'x', allowedScopes: ['system/Patient.r'], allowedOrigins: [], jwksJson: '' },
        { metadata: harness.as({ kind: 'user', userId: randomUUID(), role: 'doctor', email: 'd@test.local' }) },
      ),
      status.PERMISSION_DENIED,
    );
    const { app, clientSecret } = await register();
    expect(clientSecret).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(app).toMatchObject({ name: 'EHR app', tokenEndpointAuthMethod: 'client_secret_basic', revokedAt: '' });
    const listed = await harness.client.listClientApps({ page: { first: 100, after: '' } }, { metadata: harness.asAdmin() });
    const found = listed.apps.find((a) => a.id === app!.id);
    expect(found).toBeDefined();
    expect(JSON.stringify(listed)).not.toContain(clientSecret);
  });

  it.each([
    [{ allowedScopes: ['system/Nurse.r'] }, 'allowedScopes'],
    [{ allowedScopes: [] }, 'allowedScopes'],
    [{ allowedOrigins: ['https://ehr.test/path'] }, 'allowedOrigins'],
    [{ jwksJson: '{"keys":[{"kty":"EC","crv":"P-256","x":"a","y":"b","d":"secret"}]}' }, 'jwksJson'],
    [{ jwksJson: 'not json' }, 'jwksJson'],
  ])('refuses a bad registration %o as BAD_USER_INPUT', async (overrides, field) => {
    await expectGrpcError(register(overrides), status.INVALID_ARGUMENT, { field });
  });
});

describe('IssueClientToken with a client secret', () => {
  it('issues a short-lived token with the client id and the granted scopes', async () => {
    const { app, clientSecret } = await register();
    const answer = await issue({ clientId: app!.id, clientSecret, scope: 'system/Patient.rs' });
    expect(answer).toMatchObject({ error: '', scope: 'system/Patient.rs', expiresIn: 300 });
    const claims = jwt.verify(answer.accessToken, harness.publicKey, { algorithms: ['ES256'] }) as jwt.JwtPayload;
    expect(claims).toMatchObject({ sub: app!.id, client_id: app!.id, app_name: 'EHR app', scope: 'system/Patient.rs' });
    expect(claims.exp! - claims.iat!).toBe(300);
  });

  it('grants every allowed scope when none is asked', async () => {
    const { app, clientSecret } = await register();
    expect((await issue({ clientId: app!.id, clientSecret })).scope).toBe('system/Patient.rs system/Appointment.cruds');
  });

  it.each([
    ['a wrong secret', { clientSecret: 'x'.repeat(43) }, 'invalid_client'],
    ['no secret', { clientSecret: '' }, 'invalid_client'],
    ['scope escalation', { scope: 'system/Patient.cruds' }, 'invalid_scope'],
    ['a scope never registered', { scope: 'system/Invoice.r' }, 'invalid_scope'],
    ['a malformed scope', { scope: 'system/Patient.read' }, 'invalid_scope'],
  ])('refuses %s', async (_name, overrides, error) => {
    const { app, clientSecret } = await register();
    const answer = await issue({ clientId: app!.id, clientSecret, ...overrides });
    expect(answer).toMatchObject({ error, accessToken: '' });
  });

  it('refuses an unknown client id and a non-UUID the same way', async () => {
    expect(await issue({ clientId: randomUUID(), clientSecret: 'x' })).toMatchObject({ error: 'invalid_client', errorDescription: 'Client authentication failed.' });
    expect(await issue({ clientId: 'nope', clientSecret: 'x' })).toMatchObject({ error: 'invalid_client', errorDescription: 'Client authentication failed.' });
  });

  it('stops the old secret on rotation, and every token request on revocation (listed for the router)', async () => {
    const { app, clientSecret } = await register();
    const rotated = await harness.client.rotateClientSecret({ id: app!.id }, { metadata: harness.asAdmin() });
    expect(rotated.clientSecret).not.toBe(clientSecret);
    expect((await issue({ clientId: app!.id, clientSecret })).error).toBe('invalid_client');
    expect((await issue({ clientId: app!.id, clientSecret: rotated.clientSecret })).error).toBe('');
    const revoked = await harness.client.revokeClientApp({ id: app!.id }, { metadata: harness.asAdmin() });
    expect(revoked.revokedAt).not.toBe('');
    expect((await issue({ clientId: app!.id, clientSecret: rotated.clientSecret })).error).toBe('invalid_client');
    const revocations = await harness.client.listTokenRevocations({ since: '' }, { metadata: asRouter() });
    expect(revocations.revocations.find((r) => r.userId === app!.id)).toBeDefined();
    const origins = await harness.client.listClientOrigins({}, { metadata: asRouter() });
    expect(origins.origins).toContain('https://ehr.test');
  });

  it('rotation cuts off the tokens issued before it for the router, and none issued after, even within the same second', async () => {
    const { app, clientSecret } = await register();
    const iat = (token: string) => (jwt.decode(token) as jwt.JwtPayload).iat! * 1000;
    const before = await issue({ clientId: app!.id, clientSecret });
    const rotated = await harness.client.rotateClientSecret({ id: app!.id }, { metadata: harness.asAdmin() });
    const after = await issue({ clientId: app!.id, clientSecret: rotated.clientSecret });
    const entry = (await harness.client.listTokenRevocations({ since: '' }, { metadata: asRouter() })).revocations.find((r) => r.userId === app!.id);
    expect(entry).toMatchObject({ sessionId: '' });
    // The router refuses a token whose iat (ms) is at or before validAfter.
    const cutoff = Date.parse(entry!.validAfter);
    expect(iat(before.accessToken)).toBeLessThanOrEqual(cutoff);
    expect(iat(after.accessToken)).toBeGreaterThan(cutoff);
  });

  it('is for the router only', async () => {
    await expectGrpcError(
      harness.client.issueClientToken({ clientId: '', clientSecret: '', clientAssertion: '', scope: '', tokenEndpoint: TOKEN_ENDPOINT }, { metadata: harness.asAdmin() }),
      status.PERMISSION_DENIED,
    );
  });
});

describe('IssueClientToken with private_key_jwt (RFC 7523)', () => {
  const registerKeyApp = () => register({ jwksJson: JSON.stringify({ keys: [keys.publicJwk] }) });

  it('issues a token for a valid assertion once, and refuses its replay', async () => {
    const { app, clientSecret } = await registerKeyApp();
    expect(clientSecret).toBe('');
    expect(app!.tokenEndpointAuthMethod).toBe('private_key_jwt');
    const signed = await assertion(app!.id);
    expect(await issue({ clientAssertion: signed, scope: 'system/Patient.r' })).toMatchObject({ error: '', scope: 'system/Patient.r' });
    expect(await issue({ clientAssertion: signed, scope: 'system/Patient.r' })).toMatchObject({ error: 'invalid_client', errorDescription: expect.stringMatching(/already used/) });
  });

  it.each([
    ['expired', (id: string) => assertion(id, { exp: Math.floor(Date.now() / 1000) - 60 }), /expired/],
    ['valid for more than 5 minutes', (id: string) => assertion(id, { exp: Math.floor(Date.now() / 1000) + 600 }), /5 minutes/],
    ['for another audience', (id: string) => assertion(id, { aud: 'https://elsewhere.test/token' }), /not valid/],
  ])('refuses an assertion %s', async (_name, make, description) => {
    const { app } = await registerKeyApp();
    expect(await issue({ clientAssertion: await make(app!.id) })).toMatchObject({ error: 'invalid_client', errorDescription: expect.stringMatching(description) });
  });

  it('refuses an assertion signed by a key not in the set, and a secret for a key app', async () => {
    const { app } = await registerKeyApp();
    const other = await generateKeyPair('ES384');
    const now = Math.floor(Date.now() / 1000);
    const forged = await new SignJWT({ jti: randomUUID() })
      .setProtectedHeader({ alg: 'ES384', kid: 'k1' })
      .setIssuer(app!.id)
      .setSubject(app!.id)
      .setAudience(TOKEN_ENDPOINT)
      .setExpirationTime(now + 60)
      .sign(other.privateKey);
    expect((await issue({ clientAssertion: forged })).error).toBe('invalid_client');
    expect((await issue({ clientId: app!.id, clientSecret: 'x'.repeat(43) })).error).toBe('invalid_client');
  });
});
