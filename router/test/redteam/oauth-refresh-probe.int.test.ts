/**
 * Red-team probe of app refresh tokens and user+app tokens at the FHIR facade, through the real
 * router, identity service and database: racing refreshes, scope widening, another client's token,
 * the app revoked, the user's password changed, and the audit rows of FHIR reads through an app.
 */
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { IdentityClient } from '@hospital/grpc-contracts';
import type { TestSystem } from '@hospital/test-support/system';
import { adminCallMetadata, appLaunchSystem, launchUserApp, type SystemWithIdentity } from '../support/client-apps.ts';
import { postTokenForm } from '../support/oauth-token.ts';
import { fhirGet } from '../fhir/fhir-client.ts';

const REDIRECT = 'https://ehr.test/redteam-callback';
let harness: SystemWithIdentity;
let system: TestSystem;
let identity: IdentityClient;
let base: string;
let patientId: string;
appLaunchSystem({ givenName: 'Red', familyName: 'Team', dateOfBirth: '1972-03-04', allergies: [] }, (started, patient) => {
  harness = started;
  ({ system, identity, base } = started);
  patientId = patient;
});

const asAdmin = () => adminCallMetadata(system);
const post = (fields: Record<string, string>) => postTokenForm(base, fields);

/** A doctor launches a public app with these scopes; returns its id and the redemption's answer. */
const launch = (scopes = ['user/Patient.rs', 'user/Appointment.rs'], role: 'doctor' | 'ward_staff' = 'doctor') =>
  launchUserApp(harness, { name: 'Red team board', redirectUri: REDIRECT, scopes, role });

const refresh = (clientId: string, token: string, scope?: string) => {
  const fields: Record<string, string> = { grant_type: 'refresh_token', client_id: clientId, refresh_token: token };
  // No scope field at all means "what was granted" (RFC 6749 §6); an empty one would be sent as given.
  if (scope !== undefined) fields['scope'] = scope;
  return post(fields);
};

describe('refresh tokens under attack', () => {
  it('five concurrent presentations of one token: at most one wins, and the family is gone afterwards', async () => {
    const { clientId, first } = await launch();
    const answers = await Promise.all(Array.from({ length: 5 }, () => refresh(clientId, first.refresh_token!)));
    expect(
      answers.every((a) => a.status === 200 || (a.status === 400 && a.body.error === 'invalid_grant')),
      JSON.stringify(answers),
    ).toBe(true);
    const winners = answers.filter((a) => a.status === 200);
    expect(winners.length).toBeLessThanOrEqual(1);
    for (const winner of winners) expect((await refresh(clientId, winner.body.refresh_token!)).body.error).toBe('invalid_grant');
  });

  it.each(['user/*.rs', 'user/Patient.cruds', 'system/Patient.rs', 'user/Invoice.rs', 'user/Patient.rs user/Encounter.rs', 'openid fhirUser', 'user/Patient.r%00'])(
    'scope %s never widens on refresh',
    async (scope) => {
      const { clientId, first } = await launch();
      const answer = await refresh(clientId, first.refresh_token!, scope);
      expect(answer, JSON.stringify(answer)).toMatchObject({ status: 400, body: { error: 'invalid_scope' } });
    },
  );

  it('a narrower scope is granted, and the narrowed access token is held to it at the FHIR facade', async () => {
    const { clientId, first } = await launch();
    const narrowed = await refresh(clientId, first.refresh_token!, 'user/Patient.rs');
    expect(narrowed).toMatchObject({ status: 200, body: { scope: 'user/Patient.rs' } });
    expect((await fhirGet(system, `Patient/${patientId}`, narrowed.body.access_token)).status).toBe(200);
    const appointments = await fhirGet(system, 'Appointment?date=ge2026-01-01', narrowed.body.access_token);
    expect(appointments.status, JSON.stringify(appointments.body)).toBe(403);
  });

  it("an app acting for a clinician cannot reach the clinician's account (password, sessions) outside its scopes", async () => {
    const { first } = await launch(['user/Patient.rs']);
    const change = await system.gql('mutation { changeOwnPassword(currentPassword: "wrong-guess", newPassword: "Another-pass-123!") { id } }', {}, first.access_token);
    expect(change.errors?.[0]?.extensions?.['code'], JSON.stringify(change.errors)).toBe('FORBIDDEN');
    const me = await system.gql('query { me { id email } }', {}, first.access_token);
    expect(me.errors?.[0]?.extensions?.['code'], JSON.stringify(me)).toBe('FORBIDDEN');
  });

  it("another client's refresh token is refused", async () => {
    const a = await launch();
    const b = await launch();
    expect(await refresh(b.clientId, a.first.refresh_token!)).toMatchObject({ status: 400, body: { error: 'invalid_grant' } });
    // A confidential-looking attempt (a secret for a public client) is refused too.
    expect(await post({ grant_type: 'refresh_token', client_id: a.clientId, client_secret: 'guess', refresh_token: a.first.refresh_token! })).toMatchObject({
      status: 401,
      body: { error: 'invalid_client' },
    });
  });

  it.each(['', 'x', 'a'.repeat(43), 'a'.repeat(5000), '../../etc/passwd', '%00'])('refresh_token %j is a typed 4xx', async (token) => {
    const { clientId } = await launch();
    const answer = await refresh(clientId, token);
    expect([400, 401, 413]).toContain(answer.status);
    expect(answer.body.error).toMatch(/^invalid_/);
  });

  it('after the app is revoked: no refresh, and its access token is refused at the FHIR facade', async () => {
    const { clientId, first } = await launch();
    expect((await fhirGet(system, `Patient/${patientId}`, first.access_token)).status).toBe(200);
    await identity.revokeClientApp({ id: clientId }, { metadata: asAdmin() });
    expect(await refresh(clientId, first.refresh_token!)).toMatchObject({ status: 401, body: { error: 'invalid_client' } });
    await expect.poll(async () => (await fhirGet(system, `Patient/${patientId}`, first.access_token)).status, { timeout: 30_000 }).toBe(401);
  });

  it('FHIR reads through an app acting for a clinician leave audit rows naming both', async () => {
    const { clientId, first } = await launch();
    expect((await fhirGet(system, `Patient/${patientId}`, first.access_token)).status).toBe(200);
    const admin = await system.tokenFor('admin');
    await expect
      .poll(
        async () => {
          const trail = await system.gql<{ auditTrail: { edges: Array<{ node: Record<string, unknown> }> } }>(
            'query($patientId: ID!) { auditTrail(patientId: $patientId, first: 100) { edges { node { actorKind actorRole appClientId } } } }',
            { patientId },
            admin,
          );
          return trail.data?.auditTrail.edges.map((edge) => edge.node).filter((node) => node['appClientId'] === clientId);
        },
        { timeout: 30_000 },
      )
      .toEqual([expect.objectContaining({ actorKind: 'USER', actorRole: 'DOCTOR', appClientId: clientId })]);
  });

  it("after an admin's password reset (temporary password): the user's app refresh token is dead and its access token refused", async () => {
    const { clientId, first } = await launch(['user/Patient.rs'], 'ward_staff');
    expect((await fhirGet(system, `Patient/${patientId}`, first.access_token)).status).toBe(200);
    const reset = await system.gql(
      'mutation($id: ID!, $p: String!) { setTemporaryPassword(id: $id, password: $p) { id } }',
      { id: system.accounts.ward_staff.id, p: `Tmp-${randomUUID()}-Aa1!` },
      await system.tokenFor('admin'),
    );
    expect(reset.errors).toBeUndefined();
    expect(await refresh(clientId, first.refresh_token!)).toMatchObject({ status: 400, body: { error: 'invalid_grant' } });
    await expect.poll(async () => (await fhirGet(system, `Patient/${patientId}`, first.access_token)).status, { timeout: 30_000 }).toBe(401);
  });

  // Last: it changes the doctor's password.
  it("after the user's password change: the user+app access token is refused and the refresh token is dead", async () => {
    const { clientId, first } = await launch();
    const doctor = await system.tokenFor('doctor');
    const changed = await system.gql(
      'mutation($c: String!, $n: String!) { changeOwnPassword(currentPassword: $c, newPassword: $n) { id } }',
      { c: system.accounts.doctor.password, n: `Rt-${randomUUID()}-Aa1!` },
      doctor,
    );
    expect(changed.errors).toBeUndefined();
    expect(await refresh(clientId, first.refresh_token!)).toMatchObject({ status: 400, body: { error: 'invalid_grant' } });
    await expect.poll(async () => (await fhirGet(system, `Patient/${patientId}`, first.access_token)).status, { timeout: 30_000 }).toBe(401);
  });
});
