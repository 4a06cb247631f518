/**
 * Refresh tokens of apps a clinician launched, through the real router, identity service and
 * database (RFC 6749 §6): the code's redemption answers a refresh_token, `grant_type=refresh_token`
 * rotates it and gives an access token that reads as the clinician through the app (the audit
 * trail names both), a replayed
 * one is refused and ends its family, and discovery advertises the grant.
 */
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { TestSystem } from '@hospital/test-support/system';
import { appLaunchSystem, launchUserApp, type SystemWithIdentity } from '../support/client-apps.ts';
import { postTokenForm } from '../support/oauth-token.ts';

const REDIRECT = 'https://ehr.test/refresh-callback';
let harness: SystemWithIdentity;
let system: TestSystem;
let base: string;
let patientId: string;
appLaunchSystem({ givenName: 'Refresh', familyName: 'Patient', dateOfBirth: '1971-02-03', allergies: [] }, (started, patient) => {
  harness = started;
  ({ system, base } = started);
  patientId = patient;
});

const post = (fields: Record<string, string>) => postTokenForm(base, fields);

/** A doctor launches a public app allowed to read patients and appointments; returns its id and the redemption's answer. */
const launch = () => launchUserApp(harness, { name: 'Refresh board', redirectUri: REDIRECT, scopes: ['user/Patient.rs', 'user/Appointment.rs'] });

describe('POST /oauth/token grant_type=refresh_token', () => {
  it('rotates the refresh token and reads as the clinician through the app; a replay ends the family', async () => {
    const { clientId, first } = await launch();
    expect(first.refresh_token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const second = await post({ grant_type: 'refresh_token', client_id: clientId, refresh_token: first.refresh_token! });
    expect(second.status).toBe(200);
    expect(second.body).toMatchObject({ scope: 'user/Patient.rs user/Appointment.rs' });
    expect(second.body.refresh_token).not.toBe(first.refresh_token);
    const read = await system.gql('query($id: ID!) { patient(id: $id) { id } }', { id: patientId }, second.body.access_token);
    expect(read.errors).toBeUndefined();
    // The audit trail names the clinician AND the app.
    const trail = await system.gql<{ auditTrail: { edges: Array<{ node: Record<string, unknown> }> } }>(
      'query($patientId: ID!) { auditTrail(patientId: $patientId, first: 50) { edges { node { actorKind actorRole appClientId appName } } } }',
      { patientId },
      await system.tokenFor('admin'),
    );
    expect(trail.data?.auditTrail.edges.map((edge) => edge.node).filter((node) => node['appClientId'] === clientId)).toEqual([
      expect.objectContaining({ actorKind: 'USER', actorRole: 'DOCTOR', appClientId: clientId, appName: 'Refresh board' }),
    ]);

    const replay = await post({ grant_type: 'refresh_token', client_id: clientId, refresh_token: first.refresh_token! });
    expect(replay).toMatchObject({ status: 400, body: { error: 'invalid_grant' } });
    expect(await post({ grant_type: 'refresh_token', client_id: clientId, refresh_token: second.body.refresh_token! })).toMatchObject({
      status: 400,
      body: { error: 'invalid_grant' },
    });
  });

  it('answers RFC 6749 errors for a missing token or client', async () => {
    const { clientId } = await launch();
    expect(await post({ grant_type: 'refresh_token', client_id: clientId })).toMatchObject({ status: 400, body: { error: 'invalid_request' } });
    expect(await post({ grant_type: 'refresh_token', refresh_token: randomBytes(32).toString('base64url') })).toMatchObject({
      status: 401,
      body: { error: 'invalid_client' },
    });
  });

  it('is advertised by discovery', async () => {
    const smart = (await (await fetch(`${base}/.well-known/smart-configuration`)).json()) as Record<string, unknown>;
    expect(smart['grant_types_supported']).toEqual(['client_credentials', 'authorization_code', 'refresh_token']);
    expect(smart['capabilities']).toEqual(expect.arrayContaining(['permission-offline']));
  });
});
