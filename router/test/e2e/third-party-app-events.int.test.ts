/**
 * Apps subscribe to `appointmentEvents` within their scopes (issue 16): an app with
 * `system/Appointment.rs` receives a booking's event over the router's WebSocket; one without an
 * Appointment scope is FORBIDDEN; a field outside its scopes (the patient) is FORBIDDEN too.
 */
import { routerWsClient } from '../support/router-ws-client.ts';
import { describe, expect, it } from 'vitest';
import type { IdentityClient } from '@hospital/grpc-contracts';
import { until as waitUntil } from '../../../test/helpers.ts';
import { appointmentFixtures } from './appointment-fixtures.ts';
import type { TestSystem } from '@hospital/test-support/system';
import { adminCallMetadata } from '../support/client-apps.ts';
import { socketsOnSystemWithIdentity } from '../support/socket-system.ts';

let system: TestSystem;
let identity: IdentityClient;
const fx = appointmentFixtures(() => system);
const { clients } = socketsOnSystemWithIdentity((harness) => ({ system, identity } = harness));

const secrets = new Map<string, string>();
async function appId(scopes: string[]): Promise<string> {
  const { app, clientSecret } = await identity.registerClientApp(
    { name: 'Events app', contact: 'dev@ehr.test', allowedScopes: scopes, allowedOrigins: [], jwksJson: '' },
    { metadata: adminCallMetadata(system) },
  );
  secrets.set(app!.id, clientSecret);
  return app!.id;
}
async function tokenOf(clientId: string): Promise<string> {
  const response = await fetch(system.routerUrl.replace(/\/graphql$/, '/oauth/token'), {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', authorization: `Basic ${Buffer.from(`${clientId}:${secrets.get(clientId)!}`).toString('base64')}` },
    body: 'grant_type=client_credentials',
  });
  return ((await response.json()) as { access_token: string }).access_token;
}
const appToken = async (scopes: string[]) => tokenOf(await appId(scopes));

function subscribe(token: string, query: string) {
  const client = routerWsClient(system.routerUrl, token);
  clients.push(client);
  const results: Array<{ data?: unknown; errors?: ReadonlyArray<{ extensions?: Record<string, unknown> }> }> = [];
  let failure: unknown;
  client.subscribe({ query }, { next: (r) => void results.push(r as (typeof results)[number]), error: (e) => void (failure = e), complete: () => {} });
  return { results, failure: () => failure };
}

const until = (predicate: () => boolean, timeoutMs = 10_000) => waitUntil(predicate, timeoutMs, 20);

describe('appointmentEvents for apps', () => {
  it('delivers a booking to an app with system/Appointment.rs', async () => {
    const before = system.activeSubscriptions('appointments');
    const sub = subscribe(await appToken(['system/Appointment.rs']), 'subscription { appointmentEvents { type appointment { id status } } }');
    await until(() => system.activeSubscriptions('appointments') > before);
    const booked = await fx.book(await fx.patient(), fx.slot(600));
    await until(() => sub.results.some((r) => JSON.stringify(r.data ?? null).includes(booked.id)));
    expect(sub.results.find((r) => JSON.stringify(r.data ?? null).includes(booked.id))?.errors).toBeUndefined();
  });

  it("records the delivery of a patient's data to the app in the audit trail, as the app", async () => {
    const clientId = await appId(['system/Appointment.rs', 'system/Patient.rs']);
    const bearer = await tokenOf(clientId);
    const before = system.activeSubscriptions('appointments');
    // Two connections of one app: one reader, so one resolution audited as the app.
    const subs = [0, 1].map(() => subscribe(bearer, 'subscription Feed { appointmentEvents { type appointment { id patient { id fullName } } } }'));
    await until(() => system.activeSubscriptions('appointments') > before);
    const patientId = await fx.patient();
    const booked = await fx.book(patientId, fx.slot(690));
    for (const sub of subs) await until(() => sub.results.some((r) => JSON.stringify(r.data ?? null).includes(booked.id)));
    const trail = 'query($p: ID) { auditTrail(patientId: $p, first: 50) { edges { node { actorKind actorId operation outcome } } } }';
    const admin = await system.tokenFor('admin');
    await expect
      .poll(
        async () => {
          const rows = (await system.gql<{ auditTrail: { edges: Array<{ node: Record<string, unknown> }> } }>(trail, { p: patientId }, admin)).data?.auditTrail.edges ?? [];
          return rows.map((e) => e.node).find((n) => n['actorKind'] === 'APP' && n['actorId'] === clientId);
        },
        { timeout: 10_000 },
      )
      .toMatchObject({ actorKind: 'APP', actorId: clientId, outcome: 'ALLOWED' });
  });

  it.each([
    [['system/Patient.rs'], 'subscription { appointmentEvents { type } }'],
    [['system/Appointment.rs'], 'subscription { appointmentEvents { type appointment { patient { fullName } } } }'],
  ])('refuses %o for %s as FORBIDDEN', async (scopes, query) => {
    const sub = subscribe(await appToken(scopes), query);
    await until(() => sub.results.length > 0 || sub.failure() !== undefined);
    const errors = (sub.failure() as ReadonlyArray<{ extensions?: Record<string, unknown> }> | undefined) ?? sub.results[0]?.errors;
    expect(JSON.stringify(errors)).toContain('FORBIDDEN');
  });
});
