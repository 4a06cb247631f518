/**
 * Apps acting for a signed-in clinician through the real router, identity service and database
 * (issue 16; RFC 6749 §4.1, RFC 7636 S256, SMART App Launch standalone): /oauth/authorize vets the
 * request (plain 400 before the client and redirect URI are verified, a redirect with error= after),
 * the decision endpoint mints a one-time code for the clinician, the token endpoint redeems it once
 * with the verifier, and the token reads only what BOTH the clinician's role and the app's scopes allow.
 */
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { IdentityClient } from '@hospital/grpc-contracts';
import type { RoleName } from '@hospital/service-kit';
import type { TestSystem } from '@hospital/test-support/system';
import { adminCallMetadata, appLaunchSystem, TEST_CONSENT_URL as CONSENT } from '../support/client-apps.ts';

const REDIRECT = 'https://ehr.test/callback';
let system: TestSystem;
let identity: IdentityClient;
let base: string;
let patientId: string;
appLaunchSystem({ givenName: 'Launch', familyName: 'Patient', dateOfBirth: '1975-04-05', allergies: ['penicillin'] }, (harness, patient) => {
  ({ system, identity, base } = harness);
  patientId = patient;
});

const asAdmin = () => adminCallMetadata(system);
const register = (allowedScopes: string[], publicClient = true) =>
  identity.registerClientApp(
    { name: 'Bedside app', contact: 'dev@bedside.test', allowedScopes, allowedOrigins: [], jwksJson: '', redirectUris: [REDIRECT], publicClient },
    { metadata: asAdmin() },
  );
const pkce = () => {
  const verifier = randomBytes(32).toString('base64url');
  return { verifier, challenge: createHash('sha256').update(verifier).digest('base64url') };
};
const authorizeQuery = (clientId: string, challenge: string, overrides: Record<string, string> = {}) =>
  new URLSearchParams({
    response_type: 'code',
    client_id: clientId,
    redirect_uri: REDIRECT,
    scope: 'user/Patient.rs',
    state: 'st-123',
    code_challenge: challenge,
    code_challenge_method: 'S256',
    ...overrides,
  });
const authorize = (query: URLSearchParams | string) => fetch(`${base}/oauth/authorize?${query.toString()}`, { redirect: 'manual' });
const decide = async (query: URLSearchParams, approve: boolean, token: string) => {
  const response = await fetch(`${base}/oauth/authorize/decision`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ ...Object.fromEntries(query), approve }),
  });
  return { status: response.status, body: (await response.json()) as { redirectTo?: string; error?: string } };
};
const redeem = (fields: Record<string, string>, headers: Record<string, string> = {}) =>
  fetch(`${base}/oauth/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
    body: new URLSearchParams({ grant_type: 'authorization_code', redirect_uri: REDIRECT, ...fields }).toString(),
  });

/** The whole flow for one role's clinician and an app allowed `scopes`; returns the app's token. */
async function launch(role: RoleName, scopes: string[], scope = scopes.join(' ')): Promise<string> {
  const { app } = await register(scopes);
  const { verifier, challenge } = pkce();
  const query = authorizeQuery(app!.id, challenge, { scope });
  const { body } = await decide(query, true, await system.tokenFor(role));
  const code = new URL(body.redirectTo!).searchParams.get('code')!;
  const response = await redeem({ client_id: app!.id, code, code_verifier: verifier });
  expect(response.status).toBe(200);
  return ((await response.json()) as { access_token: string }).access_token;
}
const codeOf = (result: { errors?: Array<{ extensions?: Record<string, unknown> }> }) => result.errors?.[0]?.extensions?.['code'];

describe('GET /oauth/authorize', () => {
  it('sends a valid request to the consent screen with every parameter', async () => {
    const { app } = await register(['user/Patient.rs']);
    const query = authorizeQuery(app!.id, pkce().challenge);
    const response = await authorize(query);
    expect(response.status).toBe(302);
    const consent = new URL(response.headers.get('location')!);
    expect(`${consent.origin}${consent.pathname}`).toBe(CONSENT);
    expect(Object.fromEntries(consent.searchParams)).toMatchObject(Object.fromEntries(query));
  });

  it('answers an unregistered redirect URI or an unknown client with a plain 400 page, never a redirect', async () => {
    const { app } = await register(['user/Patient.rs']);
    for (const query of [
      authorizeQuery(app!.id, pkce().challenge, { redirect_uri: 'https://evil.test/steal' }),
      authorizeQuery(randomUUID(), pkce().challenge),
      authorizeQuery(app!.id, pkce().challenge, { redirect_uri: `${REDIRECT}/` }),
    ]) {
      const response = await authorize(query);
      expect(response.status).toBe(400);
      expect(response.headers.get('location')).toBeNull();
      expect(response.headers.get('content-type')).toMatch(/^text\/plain/);
    }
    // A repeated redirect_uri cannot be trusted either.
    const repeated = `${authorizeQuery(app!.id, pkce().challenge).toString()}&redirect_uri=${encodeURIComponent('https://evil.test/')}`;
    expect((await authorize(repeated)).status).toBe(400);
  });

  it.each([
    ['the plain PKCE method', { code_challenge_method: 'plain' }, 'invalid_request'],
    ['no PKCE at all', { code_challenge_method: '', code_challenge: '' }, 'invalid_request'],
    ['response_type=token', { response_type: 'token' }, 'unsupported_response_type'],
    ['a scope beyond the registration', { scope: 'user/Patient.rs user/Invoice.rs' }, 'invalid_scope'],
    ['more actions than registered', { scope: 'user/Patient.cruds' }, 'invalid_scope'],
    ['a system/ scope', { scope: 'system/Patient.rs' }, 'invalid_scope'],
    ['offline_access (not offered)', { scope: 'user/Patient.rs offline_access' }, 'invalid_scope'],
  ])('redirects %s back to the verified redirect URI with error= and the state', async (_name, overrides, error) => {
    const { app } = await register(['user/Patient.rs']);
    const response = await authorize(authorizeQuery(app!.id, pkce().challenge, overrides));
    expect(response.status).toBe(302);
    const target = new URL(response.headers.get('location')!);
    expect(`${target.origin}${target.pathname}`).toBe(REDIRECT);
    expect(target.searchParams.get('error')).toBe(error);
    expect(target.searchParams.get('state')).toBe('st-123');
    expect(target.searchParams.get('code')).toBeNull();
  });
});

describe('consent and the code', () => {
  it('shows the consent screen what to show, for a signed-in user only', async () => {
    const { app } = await register(['user/Patient.rs', 'user/Appointment.rs']);
    const query = authorizeQuery(app!.id, pkce().challenge, { scope: 'user/Patient.rs user/Appointment.rs' });
    const anonymous = await fetch(`${base}/oauth/authorize/request?${query.toString()}`);
    expect(anonymous.status).toBe(401);
    const response = await fetch(`${base}/oauth/authorize/request?${query.toString()}`, { headers: { authorization: `Bearer ${await system.tokenFor('doctor')}` } });
    expect(await response.json()).toEqual({ appName: 'Bedside app', appContact: 'dev@bedside.test', scopes: ['user/Patient.rs', 'user/Appointment.rs'] });
  });

  it('denied consent sends the app error=access_denied with its state, and no code', async () => {
    const { app } = await register(['user/Patient.rs']);
    const { body } = await decide(authorizeQuery(app!.id, pkce().challenge), false, await system.tokenFor('doctor'));
    const target = new URL(body.redirectTo!);
    expect(target.searchParams.get('error')).toBe('access_denied');
    expect(target.searchParams.get('state')).toBe('st-123');
    expect(target.searchParams.get('code')).toBeNull();
  });

  it('is refused without a user session, and to an app token acting for a user', async () => {
    const { app } = await register(['user/Patient.rs']);
    const query = authorizeQuery(app!.id, pkce().challenge);
    expect((await decide(query, true, 'not-a-token')).status).toBe(401);
    const appToken = await launch('doctor', ['user/Patient.rs']);
    expect((await decide(query, true, appToken)).status).toBe(401);
  });

  it('full flow: approve, redeem with the verifier once, read as the clinician through the app', async () => {
    const { app, clientSecret } = await register(['user/Patient.rs'], false);
    const { verifier, challenge } = pkce();
    const query = authorizeQuery(app!.id, challenge);
    expect((await authorize(query)).status).toBe(302);
    const { body } = await decide(query, true, await system.tokenFor('doctor'));
    const back = new URL(body.redirectTo!);
    expect(`${back.origin}${back.pathname}`).toBe(REDIRECT);
    expect(back.searchParams.get('state')).toBe('st-123');
    const code = back.searchParams.get('code')!;
    const basic = { authorization: `Basic ${Buffer.from(`${app!.id}:${clientSecret}`).toString('base64')}` };
    const response = await redeem({ code, code_verifier: verifier }, basic);
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    const token = (await response.json()) as { access_token: string; token_type: string; expires_in: number; scope: string };
    expect(token).toMatchObject({ token_type: 'Bearer', expires_in: 300, scope: 'user/Patient.rs' });
    const read = await system.gql<{ patient: { id: string; allergies: string[] } }>('query($id: ID!) { patient(id: $id) { id allergies } }', { id: patientId }, token.access_token);
    expect(read.errors).toBeUndefined();
    expect(read.data?.patient.allergies).toEqual(['penicillin']);
    // The code is spent.
    const again = await redeem({ code, code_verifier: verifier }, basic);
    expect(again.status).toBe(400);
    expect(await again.json()).toMatchObject({ error: 'invalid_grant' });
  });

  it('two concurrent redemptions of one code: exactly one token', async () => {
    const { app } = await register(['user/Patient.rs']);
    const { verifier, challenge } = pkce();
    const { body } = await decide(authorizeQuery(app!.id, challenge), true, await system.tokenFor('doctor'));
    const code = new URL(body.redirectTo!).searchParams.get('code')!;
    const answers = await Promise.all(Array.from({ length: 6 }, () => redeem({ client_id: app!.id, code, code_verifier: verifier })));
    expect(answers.map((a) => a.status).sort()).toEqual([200, 400, 400, 400, 400, 400]);
  });

  it.each([
    ['a wrong verifier', (v: { verifier: string }) => ({ code_verifier: pkce().verifier, redirect_uri: REDIRECT, verifier: v.verifier })],
    ['a mismatched redirect URI', (v: { verifier: string }) => ({ code_verifier: v.verifier, redirect_uri: 'https://ehr.test/other', verifier: v.verifier })],
  ])('refuses %s as invalid_grant', async (_name, make) => {
    const { app } = await register(['user/Patient.rs']);
    const { verifier, challenge } = pkce();
    const { body } = await decide(authorizeQuery(app!.id, challenge), true, await system.tokenFor('doctor'));
    const code = new URL(body.redirectTo!).searchParams.get('code')!;
    const { code_verifier, redirect_uri } = make({ verifier });
    const response = await redeem({ client_id: app!.id, code, code_verifier, redirect_uri });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: 'invalid_grant' });
  });
});

describe('the token holds to the role AND the scopes', () => {
  it("a doctor's app with user/Patient.rs reads patients but not appointments (the role could, the scope cannot)", async () => {
    const token = await launch('doctor', ['user/Patient.rs']);
    const doctor = await system.tokenFor('doctor');
    const appointments = '{ appointments(first: 1) { edges { node { id } } } }';
    expect((await system.gql('{ patients(first: 1) { edges { node { id fullName } } } }', {}, token)).errors).toBeUndefined();
    // The doctor alone may (and the router keeps that decision): the app acting for them still may not.
    expect((await system.gql(appointments, {}, doctor)).errors).toBeUndefined();
    expect(codeOf(await system.gql(appointments, {}, token))).toBe('FORBIDDEN');
    expect((await system.gql(appointments, {}, doctor)).errors).toBeUndefined();
    expect(codeOf(await system.gql('{ invoices(first: 1) { edges { node { id } } } }', {}, token))).toBe('FORBIDDEN');
  });

  it("a finance user's app with user/Patient.rs gets only what finance may see, and no invoices (the scope cannot)", async () => {
    const token = await launch('finance', ['user/Patient.rs']);
    expect((await system.gql('query($id: ID!) { patient(id: $id) { id fullName } }', { id: patientId }, token)).errors).toBeUndefined();
    expect(codeOf(await system.gql('query($id: ID!) { patient(id: $id) { id allergies } }', { id: patientId }, token))).toBe('FORBIDDEN');
    expect(codeOf(await system.gql('{ invoices(first: 1) { edges { node { id } } } }', {}, token))).toBe('FORBIDDEN');
    // The same user without the app reads invoices: the app narrowed it.
    expect((await system.gql('{ invoices(first: 1) { edges { node { id } } } }', {}, await system.tokenFor('finance'))).errors).toBeUndefined();
  });

  it("an admin's app cannot reach admin-only fields its scopes do not name", async () => {
    const token = await launch('admin', ['user/Patient.rs']);
    expect(codeOf(await system.gql('{ users(first: 1) { totalCount } }', {}, token))).toBe('FORBIDDEN');
    expect(codeOf(await system.gql('{ clientApps { totalCount } }', {}, token))).toBe('FORBIDDEN');
  });
});

describe('registration through GraphQL (the admin screen)', () => {
  const REGISTER = 'mutation($input: RegisterClientAppInput!) { registerClientApp(input: $input) { clientSecret app { redirectUris tokenEndpointAuthMethod } } }';
  it('takes exact redirect URIs and a public client, and refuses a redirect URI that is not https or loopback', async () => {
    const admin = await system.tokenFor('admin');
    const input = { name: 'Public app', contact: 'dev@bedside.test', allowedScopes: ['user/Patient.rs'], redirectUris: [REDIRECT], publicClient: true };
    const registered = await system.gql<{ registerClientApp: unknown }>(REGISTER, { input }, admin);
    expect(registered.errors).toBeUndefined();
    expect(registered.data?.registerClientApp).toEqual({ clientSecret: null, app: { redirectUris: [REDIRECT], tokenEndpointAuthMethod: 'NONE' } });
    expect(codeOf(await system.gql(REGISTER, { input: { ...input, redirectUris: ['http://bedside.test/cb'] } }, admin))).toBe('BAD_USER_INPUT');
  });
});

describe('discovery', () => {
  it('names the authorization endpoint, code + S256 and the launch capabilities', async () => {
    const smart = (await (await fetch(`${base}/.well-known/smart-configuration`)).json()) as Record<string, unknown>;
    expect(smart).toMatchObject({
      authorization_endpoint: `${base}/oauth/authorize`,
      response_types_supported: ['code'],
      code_challenge_methods_supported: ['S256'],
      grant_types_supported: expect.arrayContaining(['authorization_code', 'client_credentials']),
      token_endpoint_auth_methods_supported: expect.arrayContaining(['none', 'client_secret_basic', 'private_key_jwt']),
      capabilities: expect.arrayContaining(['launch-standalone', 'client-public', 'client-confidential-symmetric', 'permission-v2']),
    });
    expect(smart['scopes_supported']).toEqual(expect.arrayContaining(['user/Patient.cruds', 'system/Patient.cruds']));
    const rfc8414 = (await (await fetch(`${base}/.well-known/oauth-authorization-server`)).json()) as Record<string, unknown>;
    expect(rfc8414).toMatchObject({ authorization_endpoint: `${base}/oauth/authorize`, code_challenge_methods_supported: ['S256'] });
  });
});
