/**
 * Refresh tokens of apps acting for a clinician, through the real identity service and PostgreSQL:
 * handed out with the code's redemption, rotated on every use, a reused one revokes its family
 * (also when two presentations race), narrowed but never widened scopes, and revoked with the
 * app's secret rotation, the app's revocation and the user's deactivation; another app cannot
 * spend one; a public client refreshes with its client_id alone.
 */
import { randomBytes } from 'node:crypto';
import jwt from 'jsonwebtoken';
import { beforeAll, describe, expect, it } from 'vitest';
import { harnessForFile } from '@hospital/service-kit/testing';
import { testDatabaseUrl } from '../../../../../test/helpers.ts';
import { startIdentityHarness } from '../testing/identity-harness.ts';
import { pkcePair, TOKEN_ENDPOINT, userAppRegistration } from '../testing/user-app-fixtures.ts';

const REDIRECT = 'https://ehr.test/refresh-callback';
const harness = harnessForFile(() => startIdentityHarness(testDatabaseUrl()));
let doctor: { id: string; email: string };
beforeAll(async () => {
  doctor = await harness.createUser({ role: 'ROLE_DOCTOR', emailPrefix: 'refresh-doctor' });
});

const asRouter = () => harness.as({ kind: 'service', service: 'router' });
type Client = { clientId: string; clientSecret: string };
const token = (client: Client, request: Record<string, string>) =>
  harness.client.issueClientToken(
    { clientAssertion: '', scope: '', tokenEndpoint: TOKEN_ENDPOINT, redirectUri: '', code: '', codeVerifier: '', refreshToken: '', ...client, ...request },
    { metadata: asRouter() },
  );
const refresh = (client: Client, refreshToken: string, scope = '') => token(client, { grantType: 'refresh_token', refreshToken, scope });

/** Registers an app, lets the user approve it and redeems the code: the app's credentials and first answer. */
async function launch(options: { publicClient?: boolean; user?: { id: string; email: string } } = {}) {
  const user = options.user ?? doctor;
  const { app, clientSecret } = await harness.client.registerClientApp(userAppRegistration('Refreshing app', REDIRECT, { publicClient: options.publicClient ?? false }), {
    metadata: harness.asAdmin(),
  });
  const { verifier, challenge } = pkcePair();
  const { code } = await harness.client.createAuthorizationCode(
    { clientId: app!.id, redirectUri: REDIRECT, scope: 'user/Patient.rs user/Appointment.rs', codeChallenge: challenge },
    { metadata: harness.as({ kind: 'user', userId: user.id, role: 'doctor', email: user.email }) },
  );
  const client = { clientId: app!.id, clientSecret };
  const first = await token(client, { grantType: 'authorization_code', code, redirectUri: REDIRECT, codeVerifier: verifier });
  expect(first.error).toBe('');
  return { client, first };
}

describe('app refresh tokens', () => {
  it('come with the code, rotate on every use, and give a token of the same user and app', async () => {
    const { client, first } = await launch();
    expect(first.refreshToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const second = await refresh(client, first.refreshToken);
    expect(second).toMatchObject({ error: '', scope: 'user/Patient.rs user/Appointment.rs' });
    expect(second.refreshToken).not.toBe(first.refreshToken);
    expect(jwt.decode(second.accessToken)).toMatchObject({ sub: doctor.id, role: 'doctor', client_id: client.clientId, scope: 'user/Patient.rs user/Appointment.rs' });
    const third = await refresh(client, second.refreshToken);
    expect(third.error).toBe('');
  });

  it('revoke the whole family when a spent one comes back', async () => {
    const { client, first } = await launch();
    const second = await refresh(client, first.refreshToken);
    expect(await refresh(client, first.refreshToken)).toMatchObject({ error: 'invalid_grant', accessToken: '', refreshToken: '' });
    // The thief's replay also ends the legitimate holder's newer token.
    expect((await refresh(client, second.refreshToken)).error).toBe('invalid_grant');
  });

  it('let one of two racing presentations rotate, then treat the other as reuse', async () => {
    const { client, first } = await launch();
    const answers = await Promise.all([refresh(client, first.refreshToken), refresh(client, first.refreshToken)]);
    const won = answers.filter((answer) => answer.error === '');
    expect(won).toHaveLength(1);
    expect(answers.filter((answer) => answer.error === 'invalid_grant')).toHaveLength(1);
    expect((await refresh(client, won[0]!.refreshToken)).error).toBe('invalid_grant');
  });

  it('narrow the scope on request but never widen it; the family keeps what was granted', async () => {
    const { client, first } = await launch();
    const narrow = await refresh(client, first.refreshToken, 'user/Patient.rs');
    expect(narrow).toMatchObject({ error: '', scope: 'user/Patient.rs' });
    expect((await refresh(client, narrow.refreshToken, 'user/Invoice.rs')).error).toBe('invalid_scope');
    const { client: other, first: again } = await launch();
    expect((await refresh(other, again.refreshToken, 'user/Patient.cruds')).error).toBe('invalid_scope');
  });

  it("are the app's own: another app cannot spend one, and the owner still can", async () => {
    const { client, first } = await launch();
    const { client: intruder } = await launch();
    expect((await refresh(intruder, first.refreshToken)).error).toBe('invalid_grant');
    expect((await refresh(client, first.refreshToken)).error).toBe('');
  });

  it("are revoked by a rotation of the app's secret", async () => {
    const { client, first } = await launch();
    const rotated = await harness.client.rotateClientSecret({ id: client.clientId }, { metadata: harness.asAdmin() });
    expect((await refresh({ ...client, clientSecret: rotated.clientSecret }, first.refreshToken)).error).toBe('invalid_grant');
  });

  it('are revoked with the app', async () => {
    const { client, first } = await launch();
    await harness.client.revokeClientApp({ id: client.clientId }, { metadata: harness.asAdmin() });
    expect((await refresh(client, first.refreshToken)).error).toBe('invalid_client');
  });

  it('end with the user: a deactivated clinician gets nothing', async () => {
    const nurse = await harness.createUser({ role: 'ROLE_DOCTOR', emailPrefix: 'refresh-leaver' });
    const { client, first } = await launch({ user: nurse });
    await harness.client.deactivateUser({ id: nurse.id }, { metadata: harness.asAdmin() });
    expect((await refresh(client, first.refreshToken)).error).toBe('invalid_grant');
  });

  it('serve a public client on its client_id alone; a malformed or unknown token is invalid_grant', async () => {
    const { client, first } = await launch({ publicClient: true });
    expect(client.clientSecret).toBe('');
    const next = await refresh(client, first.refreshToken);
    expect(next.error).toBe('');
    expect((await refresh(client, 'not-a-token')).error).toBe('invalid_grant');
    expect((await refresh(client, randomBytes(32).toString('base64url'))).error).toBe('invalid_grant');
    expect((await refresh(client, '')).error).toBe('invalid_request');
  });
});
