/**
 * Third-party apps through the real router (issue 16): register (identity service), `POST
 * /oauth/token` with client_secret_basic / client_secret_post / private_key_jwt, every answer as
 * RFC 6749 says; the app's token reads exactly what its scopes allow (FORBIDDEN otherwise, never a
 * silent null), at the edge and in the subgraph; revoking the app ends its tokens; discovery documents.
 */
import { randomUUID } from 'node:crypto';
import { request } from 'node:http';
import { exportJWK, generateKeyPair, SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IdentityClient } from '@hospital/grpc-contracts';
import { IDENTITY_HEADER, signIdentity } from '@hospital/service-kit';
import type { TestSystem } from '@hospital/test-support/system';
import { testDatabaseUrl } from '../../../test/helpers.ts';
import { adminCallMetadata, startSystemWithIdentity } from '../support/client-apps.ts';
import { registerPatient } from '../support/patients.ts';

let system: TestSystem;
let identity: IdentityClient;
let base: string;
beforeAll(async () => {
  ({ system, identity, base } = await startSystemWithIdentity(testDatabaseUrl()));
}, 120_000);
afterAll(async () => {
  identity?.close();
  await system?.close();
});

const asAdmin = () => adminCallMetadata(system);
const register = (allowedScopes: string[], jwksJson = '') =>
  identity.registerClientApp({ name: 'EHR test app', contact: 'dev@ehr.test', allowedScopes, allowedOrigins: [], jwksJson }, { metadata: asAdmin() });
const form = (fields: Record<string, string>) => new URLSearchParams(fields).toString();
const tokenRequest = (fields: Record<string, string>, headers: Record<string, string> = {}) =>
  fetch(`${base}/oauth/token`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers }, body: form(fields) });
/** A request naming any Host (fetch may not set it): what a caller in front of no proxy can send. */
function withHost(host: string, method: string, path: string, body?: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const target = new URL(path, base);
    // eslint-disable-next-line house/conditional-spread -- an HTTP header: undefined would be sent, not left out
    const headers: Record<string, string> = { host, ...(body ? { 'content-type': 'application/x-www-form-urlencoded', 'content-length': String(Buffer.byteLength(body)) } : {}) };
    const req = request({ hostname: target.hostname, port: target.port, path: target.pathname, method, headers }, (res) => {
      let text = '';
      res
        .setEncoding('utf8')
        .on('data', (chunk: string) => (text += chunk))
        .on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
    });
    req.on('error', reject);
    req.end(body);
  });
}
const basic = (id: string, secret: string) => ({ authorization: `Basic ${Buffer.from(`${id}:${secret}`).toString('base64')}` });

async function appToken(scopes: string[], requested = ''): Promise<string> {
  const { app, clientSecret } = await register(scopes);
  // eslint-disable-next-line house/conditional-spread -- a form field: URLSearchParams would send scope= (or 'undefined'), not leave it out
  const response = await tokenRequest({ grant_type: 'client_credentials', ...(requested ? { scope: requested } : {}) }, basic(app!.id, clientSecret));
  expect(response.status).toBe(200);
  return ((await response.json()) as { access_token: string }).access_token;
}

describe('POST /oauth/token', () => {
  it('answers a client_secret_basic request with a Bearer token of 5 minutes and the granted scope, uncached', async () => {
    const { app, clientSecret } = await register(['system/Patient.rs']);
    const response = await tokenRequest({ grant_type: 'client_credentials', scope: 'system/Patient.rs' }, basic(app!.id, clientSecret));
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(await response.json()).toMatchObject({ token_type: 'Bearer', expires_in: 300, scope: 'system/Patient.rs', access_token: expect.any(String) });
  });

  it('answers client_secret_post the same way', async () => {
    const { app, clientSecret } = await register(['system/Patient.rs']);
    const response = await tokenRequest({ grant_type: 'client_credentials', client_id: app!.id, client_secret: clientSecret });
    expect(response.status).toBe(200);
  });

  it('answers private_key_jwt with an assertion for this endpoint once; its replay is invalid_client', async () => {
    const pair = await generateKeyPair('RS384');
    const jwk = { ...(await exportJWK(pair.publicKey)), kid: 'rs1', alg: 'RS384' };
    const { app } = await register(['system/Patient.rs'], JSON.stringify({ keys: [jwk] }));
    const now = Math.floor(Date.now() / 1000);
    const assertion = await new SignJWT({ jti: randomUUID() })
      .setProtectedHeader({ alg: 'RS384', kid: 'rs1' })
      .setIssuer(app!.id)
      .setSubject(app!.id)
      .setAudience(`${base}/oauth/token`)
      .setExpirationTime(now + 120)
      .sign(pair.privateKey);
    const fields = { grant_type: 'client_credentials', client_assertion_type: 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer', client_assertion: assertion };
    expect((await tokenRequest(fields)).status).toBe(200);
    const replay = await tokenRequest(fields);
    expect(replay.status).toBe(401);
    expect(await replay.json()).toMatchObject({ error: 'invalid_client' });
  });

  it("refuses an assertion meant for another server, whatever Host the caller sends (the audience is never the caller's to name)", async () => {
    const pair = await generateKeyPair('ES256');
    const jwk = { ...(await exportJWK(pair.publicKey)), kid: 'es1', alg: 'ES256' };
    const { app } = await register(['system/Patient.rs'], JSON.stringify({ keys: [jwk] }));
    const assertion = await new SignJWT({ jti: randomUUID() })
      .setProtectedHeader({ alg: 'ES256', kid: 'es1' })
      .setIssuer(app!.id)
      .setSubject(app!.id)
      .setAudience('http://other-server.example/oauth/token')
      .setExpirationTime(Math.floor(Date.now() / 1000) + 120)
      .sign(pair.privateKey);
    const fields = { grant_type: 'client_credentials', client_assertion_type: 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer', client_assertion: assertion };
    const replayed = await withHost('other-server.example', 'POST', '/oauth/token', form(fields));
    expect(replayed.status).toBe(401);
    expect(JSON.parse(replayed.body)).toMatchObject({ error: 'invalid_client' });
  });

  it.each([
    ['a wrong secret', async (id: string) => tokenRequest({ grant_type: 'client_credentials' }, basic(id, 'wrong')), 401, 'invalid_client'],
    [
      'scope escalation',
      async (id: string, secret: string) => tokenRequest({ grant_type: 'client_credentials', scope: 'system/Patient.cruds' }, basic(id, secret)),
      400,
      'invalid_scope',
    ],
    ['another grant type', async (id: string, secret: string) => tokenRequest({ grant_type: 'password' }, basic(id, secret)), 400, 'unsupported_grant_type'],
    ['no grant type', async (id: string, secret: string) => tokenRequest({}, basic(id, secret)), 400, 'invalid_request'],
    ['no client authentication', async () => tokenRequest({ grant_type: 'client_credentials' }), 401, 'invalid_client'],
    [
      'two authentication methods',
      async (id: string, secret: string) => tokenRequest({ grant_type: 'client_credentials', client_secret: secret }, basic(id, secret)),
      400,
      'invalid_request',
    ],
    [
      'a JSON body',
      async (id: string, secret: string) =>
        fetch(`${base}/oauth/token`, { method: 'POST', headers: { 'content-type': 'application/json', ...basic(id, secret) }, body: '{"grant_type":"client_credentials"}' }),
      400,
      'invalid_request',
    ],
  ])('refuses %s as RFC 6749 says', async (_name, send, status, error) => {
    const { app, clientSecret } = await register(['system/Patient.rs']);
    const response = await send(app!.id, clientSecret);
    expect(response.status).toBe(status);
    expect(await response.json()).toMatchObject({ error, error_description: expect.any(String) });
  });

  it('ends the app with its revocation: new requests are invalid_client, issued tokens UNAUTHENTICATED', async () => {
    const { app, clientSecret } = await register(['system/Patient.rs']);
    const response = await tokenRequest({ grant_type: 'client_credentials' }, basic(app!.id, clientSecret));
    const { access_token: token } = (await response.json()) as { access_token: string };
    expect((await system.gql('{ patients(first: 1) { totalCount } }', {}, token)).data).toBeTruthy();
    await identity.revokeClientApp({ id: app!.id }, { metadata: asAdmin() });
    expect((await tokenRequest({ grant_type: 'client_credentials' }, basic(app!.id, clientSecret))).status).toBe(401);
    await expect
      .poll(async () => (await system.gql('{ patients(first: 1) { totalCount } }', {}, token)).errors?.[0]?.extensions?.['code'], { timeout: 5_000 })
      .toBe('UNAUTHENTICATED');
  });
});

describe('scopes through the router', () => {
  const PATIENTS = '{ patients(first: 2) { totalCount edges { cursor node { id fullName } } pageInfo { hasNextPage } } }';
  it.each([
    ['system/Patient.rs', PATIENTS, 'allowed'],
    ['system/Patient.r', PATIENTS, 'FORBIDDEN'], // listing is a search (s)
    ['system/Appointment.rs', PATIENTS, 'FORBIDDEN'],
    ['system/Appointment.rs', '{ appointments(first: 2) { totalCount edges { node { id status } } } }', 'allowed'],
    ['system/Appointment.rs', '{ appointments(first: 2) { edges { node { id patient { fullName } } } } }', 'FORBIDDEN'], // a patient needs a Patient scope
    ['system/Invoice.rs', '{ invoices(first: 2) { totalCount } }', 'allowed'],
    ['system/Prescription.rs', '{ prescriptions(first: 2) { totalCount } }', 'allowed'],
    ['system/Admission.rs', '{ admissions(first: 2) { totalCount } }', 'allowed'],
    ['system/*.rs', '{ users(first: 2) { totalCount } }', 'FORBIDDEN'], // staff lists are no app's business
    ['system/*.rs', '{ auditTrail(first: 2) { totalCount } }', 'FORBIDDEN'],
    // Fragments and aliases hide nothing: a patient's appointments need both scopes.
    [
      'system/Patient.rs system/Appointment.rs',
      'query { p: patients(first: 1) { ...F } } fragment F on PatientConnection { totalCount edges { node { appointments(first: 1) { edges { node { status } } } } } }',
      'allowed',
    ],
    [
      'system/Patient.rs',
      'query { p: patients(first: 1) { ...F } } fragment F on PatientConnection { edges { node { a: appointments(first: 1) { edges { node { status } } } } } }',
      'FORBIDDEN',
    ],
  ])('%s: %s is %s', async (scope, query, verdict) => {
    const token = await appToken(scope.split(' '));
    const answer = await system.gql(query, {}, token);
    if (verdict === 'allowed') {
      expect(answer.errors).toBeUndefined();
      expect(answer.data).toBeTruthy();
    } else {
      expect(answer.errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');
      expect(answer.data ?? null).toBeNull();
    }
  });

  it('grants only the requested subset: a token asked for Patient.r cannot search', async () => {
    const token = await appToken(['system/Patient.rs'], 'system/Patient.r');
    expect((await system.gql(PATIENTS, {}, token)).errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');
  });

  it('is enforced again in the subgraph: an app identity forged past the router reads nothing out of scope', async () => {
    const app = { kind: 'app' as const, clientId: randomUUID(), name: 'direct', scopes: ['system/Appointment.rs'] };
    const response = await fetch(system.subgraphUrls.patients, {
      method: 'POST',
      headers: { 'content-type': 'application/json', [IDENTITY_HEADER]: signIdentity(app, system.internalSecret) },
      body: JSON.stringify({ query: '{ patients(first: 1) { totalCount } }' }),
    });
    const body = (await response.json()) as { errors?: Array<{ extensions?: { code?: string } }> };
    expect(body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});

describe('discovery', () => {
  it.each(['/.well-known/smart-configuration', '/.well-known/oauth-authorization-server'])('%s names the token endpoint, methods, scopes and keys', async (path) => {
    const response = await fetch(`${base}${path}`);
    expect(response.status).toBe(200);
    const doc = (await response.json()) as Record<string, unknown>;
    expect(doc).toMatchObject({
      token_endpoint: `${base}/oauth/token`,
      grant_types_supported: ['client_credentials'],
      token_endpoint_auth_methods_supported: ['client_secret_basic', 'client_secret_post', 'private_key_jwt'],
      jwks_uri: `${base}/.well-known/jwks.json`,
    });
    expect(doc['scopes_supported']).toContain('system/Patient.cruds');
  });

  it.each(['/.well-known/smart-configuration', '/.well-known/oauth-authorization-server'])('%s never names a server taken from the Host header', async (path) => {
    const response = await withHost('evil.example', 'GET', path);
    const doc = JSON.parse(response.body) as Record<string, string>;
    expect(doc['token_endpoint']).toBe(`${base}/oauth/token`);
    expect(JSON.stringify(doc)).not.toContain('evil.example');
  });
});

describe('registration through GraphQL (admins only)', () => {
  const REGISTER =
    'mutation($input: RegisterClientAppInput!) { registerClientApp(input: $input) { clientSecret app { id name allowedScopes tokenEndpointAuthMethod revokedAt } } }';
  const input = { name: 'GraphQL app', contact: 'dev@ehr.test', allowedScopes: ['system/Patient.rs'] };

  it('registers, lists, rotates and revokes; the secret is shown once and works at the token endpoint', async () => {
    const admin = await system.tokenFor('admin');
    const registered = await system.gql<{ registerClientApp: { clientSecret: string; app: { id: string; tokenEndpointAuthMethod: string; revokedAt: null } } }>(
      REGISTER,
      { input },
      admin,
    );
    expect(registered.errors).toBeUndefined();
    const { app, clientSecret } = registered.data!.registerClientApp;
    expect(app).toMatchObject({ tokenEndpointAuthMethod: 'CLIENT_SECRET', revokedAt: null });
    expect((await tokenRequest({ grant_type: 'client_credentials' }, basic(app.id, clientSecret))).status).toBe(200);

    const listed = await system.gql<{ clientApps: { totalCount: number; edges: Array<{ node: { id: string } }> } }>(
      '{ clientApps(first: 50) { totalCount edges { node { id } } } }',
      {},
      admin,
    );
    expect(listed.data!.clientApps.edges.map((e) => e.node.id)).toContain(app.id);
    expect(JSON.stringify(listed)).not.toContain(clientSecret);

    const rotated = await system.gql<{ rotateClientSecret: { clientSecret: string } }>(
      'mutation($id: ID!) { rotateClientSecret(id: $id) { clientSecret } }',
      { id: app.id },
      admin,
    );
    expect((await tokenRequest({ grant_type: 'client_credentials' }, basic(app.id, clientSecret))).status).toBe(401);
    expect((await tokenRequest({ grant_type: 'client_credentials' }, basic(app.id, rotated.data!.rotateClientSecret.clientSecret))).status).toBe(200);

    const revoked = await system.gql<{ revokeClientApp: { revokedAt: string | null } }>('mutation($id: ID!) { revokeClientApp(id: $id) { revokedAt } }', { id: app.id }, admin);
    expect(revoked.data!.revokeClientApp.revokedAt).not.toBeNull();
  });

  it('is FORBIDDEN to every other role and to apps; bad input is BAD_USER_INPUT', async () => {
    for (const role of ['doctor', 'pharmacist', 'finance', 'ward_staff'] as const) {
      expect((await system.gql(REGISTER, { input }, await system.tokenFor(role))).errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');
      expect((await system.gql('{ clientApps { totalCount } }', {}, await system.tokenFor(role))).errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');
    }
    const app = await appToken(['system/*.cruds']);
    expect((await system.gql('{ clientApps { totalCount } }', {}, app)).errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');
    const bad = await system.gql(REGISTER, { input: { ...input, allowedScopes: ['system/Everything.r'] } }, await system.tokenFor('admin'));
    expect(bad.errors?.[0]?.extensions?.['code']).toBe('BAD_USER_INPUT');
  });
});

describe('CORS', () => {
  it("answers a live app's registered origin only, and drops it once the app is revoked", async () => {
    const origin = `https://ehr-${randomUUID().slice(0, 8)}.test`;
    const { app } = await identity.registerClientApp(
      { name: 'Browser app', contact: 'dev@ehr.test', allowedScopes: ['system/Patient.rs'], allowedOrigins: [origin], jwksJson: '' },
      { metadata: asAdmin() },
    );
    const preflight = (from: string) =>
      fetch(system.routerUrl, {
        method: 'OPTIONS',
        headers: { origin: from, 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization, content-type' },
      });
    await expect.poll(async () => (await preflight(origin)).headers.get('access-control-allow-origin'), { timeout: 5_000 }).toBe(origin);
    expect((await preflight(origin)).headers.get('access-control-allow-headers')).toContain('authorization');
    expect((await preflight('https://evil.test')).headers.get('access-control-allow-origin')).toBeNull();
    const post = await fetch(`${base}/oauth/token`, {
      method: 'POST',
      headers: { origin, 'content-type': 'application/x-www-form-urlencoded' },
      body: 'grant_type=client_credentials',
    });
    expect(post.headers.get('access-control-allow-origin')).toBe(origin);
    await identity.revokeClientApp({ id: app!.id }, { metadata: asAdmin() });
    await expect.poll(async () => (await preflight(origin)).headers.get('access-control-allow-origin'), { timeout: 5_000 }).toBeNull();
  });
});

describe('GET /schema.graphql', () => {
  it('serves the published API schema', async () => {
    const response = await fetch(`${base}/schema.graphql`);
    expect(response.status).toBe(200);
    const { readFileSync } = await import('node:fs');
    expect(await response.text()).toBe(readFileSync(new URL('../../api-schema.graphql', import.meta.url), 'utf8'));
  });
});

describe('the audit trail', () => {
  it("records an app's read of a patient as the app (actor kind APP, its client id)", async () => {
    const admin = await system.tokenFor('admin');
    const patientId = await registerPatient(system, { givenName: 'Audit', familyName: 'App-Patient', dateOfBirth: '1980-02-03' }, admin);
    const { app, clientSecret } = await register(['system/Patient.rs']);
    const response = await tokenRequest({ grant_type: 'client_credentials' }, basic(app!.id, clientSecret));
    const { access_token: token } = (await response.json()) as { access_token: string };
    const read = await system.gql('query($id: ID!) { patient(id: $id) { id fullName } }', { id: patientId }, token);
    expect(read.errors).toBeUndefined();
    const trail = 'query($p: ID) { auditTrail(patientId: $p, first: 50) { edges { node { actorKind actorId actorRole outcome } } } }';
    await expect
      .poll(
        async () => {
          const rows = (await system.gql<{ auditTrail: { edges: Array<{ node: Record<string, unknown> }> } }>(trail, { p: patientId }, admin)).data?.auditTrail.edges ?? [];
          // This app's row: another file's app may read the same patient in the run's database.
          return rows.map((e) => e.node).find((n) => n['actorKind'] === 'APP' && n['actorId'] === app!.id);
        },
        { timeout: 10_000 },
      )
      .toMatchObject({ actorKind: 'APP', actorId: app!.id, actorRole: null, outcome: 'ALLOWED' });
  });
});
