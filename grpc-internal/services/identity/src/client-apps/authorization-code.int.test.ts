/**
 * Authorization code + PKCE through the real identity service and PostgreSQL (issue 16): redirect
 * URIs at registration, CheckAuthorization, CreateAuthorizationCode (the approving user only), and
 * redeeming with IssueClientToken: one use (also under concurrent redemption), S256 verifier,
 * same client and redirect URI, user/ scopes within the registration, a token of the user AND app.
 */
import { status } from '@grpc/grpc-js';
import jwt from 'jsonwebtoken';
import { beforeAll, describe, expect, it } from 'vitest';
import { createPrismaClient } from '@hospital/db';
import { expectGrpcError, harnessForFile } from '@hospital/service-kit/testing';
import { testDatabaseUrl } from '../../../../../test/helpers.ts';
import { startIdentityHarness } from '../testing/identity-harness.ts';
import { pkcePair, TOKEN_ENDPOINT, userAppRegistration } from '../testing/user-app-fixtures.ts';

const REDIRECT = 'https://ehr.test/callback';
const harness = harnessForFile(() => startIdentityHarness(testDatabaseUrl()));
let doctor: { id: string; email: string };
beforeAll(async () => {
  doctor = await harness.createUser({ role: 'ROLE_DOCTOR', emailPrefix: 'pkce-doctor' });
});

const asRouter = () => harness.as({ kind: 'service', service: 'router' });
const asDoctor = () => harness.as({ kind: 'user', userId: doctor.id, role: 'doctor', email: doctor.email });
const register = (overrides: Partial<{ allowedScopes: string[]; redirectUris: string[]; publicClient: boolean; jwksJson: string }> = {}) =>
  harness.client.registerClientApp(userAppRegistration('Launch app', REDIRECT, overrides), { metadata: harness.asAdmin() });
const mint = (clientId: string, challenge: string, scope = 'user/Patient.rs', redirectUri = REDIRECT) =>
  harness.client.createAuthorizationCode({ clientId, redirectUri, scope, codeChallenge: challenge }, { metadata: asDoctor() });
const redeem = (request: { clientId: string; clientSecret?: string; code: string; codeVerifier: string; redirectUri?: string }) =>
  harness.client.issueClientToken(
    { clientAssertion: '', scope: '', tokenEndpoint: TOKEN_ENDPOINT, grantType: 'authorization_code', clientSecret: '', redirectUri: REDIRECT, ...request },
    { metadata: asRouter() },
  );

describe('registration with redirect URIs', () => {
  it('keeps exact https (and loopback http) redirect URIs and refuses others', async () => {
    const { app } = await register({ redirectUris: [REDIRECT, 'http://localhost:8765/cb'] });
    expect(app?.redirectUris).toEqual([REDIRECT, 'http://localhost:8765/cb']);
    for (const bad of ['http://ehr.test/cb', 'https://ehr.test/cb#frag', 'https://user:pw@ehr.test/cb', 'javascript:alert(1)', 'cb']) {
      await expectGrpcError(register({ redirectUris: [bad] }), status.INVALID_ARGUMENT);
    }
  });

  it('registers a public client without a secret; it may not use client credentials', async () => {
    const { app, clientSecret } = await register({ publicClient: true });
    expect(clientSecret).toBe('');
    expect(app?.tokenEndpointAuthMethod).toBe('none');
    const answer = await harness.client.issueClientToken(
      { clientId: app!.id, clientSecret: '', clientAssertion: '', scope: '', tokenEndpoint: TOKEN_ENDPOINT },
      { metadata: asRouter() },
    );
    expect(answer.error).toBe('unauthorized_client');
  });
});

describe('CheckAuthorization', () => {
  it('verifies the redirect URI before anything may be sent to it, then the scopes', async () => {
    const { app } = await register();
    const check = (redirectUri: string, scope: string) => harness.client.checkAuthorization({ clientId: app!.id, redirectUri, scope }, { metadata: asRouter() });
    expect(await check(REDIRECT, 'user/Patient.rs')).toMatchObject({ redirectUriOk: true, error: '', appName: 'Launch app', scopes: ['user/Patient.rs'] });
    expect(await check('https://ehr.test/other', 'user/Patient.rs')).toMatchObject({ redirectUriOk: false, error: 'invalid_request' });
    expect(await check(REDIRECT, 'user/Invoice.rs')).toMatchObject({ redirectUriOk: true, error: 'invalid_scope' });
    expect(await check(REDIRECT, 'user/Patient.cruds')).toMatchObject({ redirectUriOk: true, error: 'invalid_scope' });
    expect(await check(REDIRECT, 'system/Patient.rs')).toMatchObject({ redirectUriOk: true, error: 'invalid_scope' });
    expect(await check(REDIRECT, 'offline_access')).toMatchObject({ redirectUriOk: true, error: 'invalid_scope' });
  });
});

describe('authorization codes', () => {
  it('are minted only for a signed-in user acting for themselves', async () => {
    const { app } = await register();
    const { challenge } = pkcePair();
    await expectGrpcError(
      harness.client.createAuthorizationCode({ clientId: app!.id, redirectUri: REDIRECT, scope: 'user/Patient.rs', codeChallenge: challenge }, { metadata: asRouter() }),
      status.PERMISSION_DENIED,
    );
    const viaApp = harness.as({ kind: 'user', userId: doctor.id, role: 'doctor', email: doctor.email, app: { clientId: app!.id, name: 'x', scopes: ['user/Patient.rs'] } });
    await expectGrpcError(
      harness.client.createAuthorizationCode({ clientId: app!.id, redirectUri: REDIRECT, scope: 'user/Patient.rs', codeChallenge: challenge }, { metadata: viaApp }),
      status.PERMISSION_DENIED,
    );
  });

  it('redeem once for a token of the user and the app (confidential client with its secret)', async () => {
    const { app, clientSecret } = await register();
    const { verifier, challenge } = pkcePair();
    const { code } = await mint(app!.id, challenge, 'user/Patient.rs user/Appointment.rs');
    const answer = await redeem({ clientId: app!.id, clientSecret, code, codeVerifier: verifier });
    expect(answer).toMatchObject({ error: '', scope: 'user/Patient.rs user/Appointment.rs', expiresIn: 300 });
    expect(jwt.decode(answer.accessToken)).toMatchObject({
      sub: doctor.id,
      role: 'doctor',
      email: doctor.email,
      client_id: app!.id,
      app_name: 'Launch app',
      scope: 'user/Patient.rs user/Appointment.rs',
    });
    expect(await redeem({ clientId: app!.id, clientSecret, code, codeVerifier: verifier })).toMatchObject({ error: 'invalid_grant', accessToken: '' });
  });

  it("date a token redeemed with the new secret past the rotation's cutoff (the router ends the app's tokens at it), even within the same second", async () => {
    const { app } = await register();
    const rotated = await harness.client.rotateClientSecret({ id: app!.id }, { metadata: harness.asAdmin() });
    const { verifier, challenge } = pkcePair();
    const { code } = await mint(app!.id, challenge);
    const answer = await redeem({ clientId: app!.id, clientSecret: rotated.clientSecret, code, codeVerifier: verifier });
    expect(answer.error).toBe('');
    const entry = (await harness.client.listTokenRevocations({ since: '' }, { metadata: asRouter() })).revocations.find((r) => r.userId === app!.id);
    // The router refuses a token whose iat (ms) is at or before validAfter.
    expect((jwt.decode(answer.accessToken) as jwt.JwtPayload).iat! * 1000).toBeGreaterThan(Date.parse(entry!.validAfter));
  });

  it('of two concurrent redemptions exactly one wins', async () => {
    const { app } = await register({ publicClient: true });
    const { verifier, challenge } = pkcePair();
    const { code } = await mint(app!.id, challenge);
    const answers = await Promise.all(Array.from({ length: 8 }, () => redeem({ clientId: app!.id, code, codeVerifier: verifier })));
    expect(answers.filter((a) => a.error === '').length).toBe(1);
    expect(answers.filter((a) => a.error === 'invalid_grant').length).toBe(7);
  });

  it('refuse a wrong verifier, another redirect URI, another client, a missing secret; each try spends the code', async () => {
    const { app, clientSecret } = await register();
    const other = await register({ publicClient: true });
    const cases: Array<(code: string, verifier: string) => Promise<{ error: string }>> = [
      (code) => redeem({ clientId: app!.id, clientSecret, code, codeVerifier: pkcePair().verifier }),
      (code, verifier) => redeem({ clientId: app!.id, clientSecret, code, codeVerifier: verifier, redirectUri: 'https://ehr.test/other' }),
      (code, verifier) => redeem({ clientId: other.app!.id, code, codeVerifier: verifier }),
    ];
    for (const attempt of cases) {
      const { verifier, challenge } = pkcePair();
      const { code } = await mint(app!.id, challenge);
      expect((await attempt(code, verifier)).error).toBe('invalid_grant');
      // The failed try spent it: even the right request now fails.
      expect((await redeem({ clientId: app!.id, clientSecret, code, codeVerifier: verifier })).error).toBe('invalid_grant');
    }
    const { verifier, challenge } = pkcePair();
    const { code } = await mint(app!.id, challenge);
    expect((await redeem({ clientId: app!.id, code, codeVerifier: verifier })).error).toBe('invalid_client');
    expect((await redeem({ clientId: app!.id, clientSecret, code, codeVerifier: 'short' })).error).toBe('invalid_request');
  });

  it('refuse a code after 60 seconds', async () => {
    const { app } = await register({ publicClient: true });
    const { verifier, challenge } = pkcePair();
    const { code, expiresIn } = await mint(app!.id, challenge);
    expect(expiresIn).toBe(60);
    const db = createPrismaClient(testDatabaseUrl());
    await db.$executeRaw`UPDATE identity.authorization_codes SET expires_at = now() - interval '1 second' WHERE client_id = ${app!.id}::uuid`;
    await db.$disconnect();
    expect((await redeem({ clientId: app!.id, code, codeVerifier: verifier })).error).toBe('invalid_grant');
  });

  it('refuse a client revoked after the code was minted', async () => {
    const { app } = await register({ publicClient: true });
    const { verifier, challenge } = pkcePair();
    const { code } = await mint(app!.id, challenge);
    await harness.client.revokeClientApp({ id: app!.id }, { metadata: harness.asAdmin() });
    expect((await redeem({ clientId: app!.id, code, codeVerifier: verifier })).error).toBe('invalid_client');
  });
});
