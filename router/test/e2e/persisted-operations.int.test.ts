/**
 * Issue 6's proof for the safelist and the production schema privacy, through the real router in
 * production with `enforce-browser`: the web app's operations run by hash over HTTP and the
 * WebSocket; a browser (Origin header) sending an unknown hash or free-form text is refused before
 * any subgraph is called; a server-to-server caller keeps free-form GraphQL; and neither
 * introspection nor "Did you mean" hints reach clients on either transport.
 */
import type { Client, SubscribePayload } from 'graphql-ws';
import { describe, expect, it } from 'vitest';
import { until } from '../../../test/helpers.ts';
import { DEFAULT_PERSISTED_MANIFEST_PATH } from '../../src/env.ts';
import { loadManifest, persistedOperationNamed } from '../../src/persisted-operations.ts';
import { appointmentFixtures } from './appointment-fixtures.ts';
import type { TestSystem } from '@hospital/test-support/system';
import { bearerHeader } from '@hospital/test-support/bearer';
import { routerWsClient } from '../support/router-ws-client.ts';
import { socketsOnSystem } from '../support/socket-system.ts';
import { dataOf } from './ward-fixtures.ts';

const ORIGIN = 'http://127.0.0.1:3000';
const manifest = loadManifest(DEFAULT_PERSISTED_MANIFEST_PATH);
const UNKNOWN_HASH = 'f'.repeat(64);
let system: TestSystem;
const fx = appointmentFixtures(() => system);
const lines: Array<Record<string, unknown>> = [];
const { clients } = socketsOnSystem((started) => (system = started), {
  production: true,
  allowedOrigins: [ORIGIN],
  persistedOperations: { mode: 'enforce-browser', manifest },
  logDestination: { write: (line) => void lines.push(JSON.parse(line) as Record<string, unknown>) },
});

/** The manifest hash of the web app's operation named `name`. */
function hashOf(name: string): string {
  const entry = persistedOperationNamed(manifest, name);
  if (!entry) throw new Error(`no web operation ${name} in the manifest`);
  return entry.hash;
}

const byHash = (hash: string) => ({ extensions: { persistedQuery: { version: 1, sha256Hash: hash } } });

interface Answer {
  status: number;
  data?: Record<string, unknown> | null;
  errors?: Array<{ message: string; extensions?: { code?: string } }>;
}

/** POSTs a raw GraphQL body, as a browser (with Origin) or a server (without). */
async function post(body: Record<string, unknown>, options: { token?: string; browser?: boolean } = {}): Promise<Answer> {
  const response = await fetch(system.routerUrl, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      // eslint-disable-next-line house/conditional-spread -- an HTTP header: undefined would be sent, not left out
      ...(options.browser ? { origin: ORIGIN } : {}),
      ...bearerHeader(options.token),
    },
    body: JSON.stringify(body),
  });
  return { status: response.status, ...((await response.json()) as Omit<Answer, 'status'>) };
}

/** Operation log lines the subgraphs wrote: one per request a subgraph received. */
const subgraphOperations = () => lines.filter((l) => l['msg'] === 'operation' && l['source'] === 'operation').length;

/** Waits until no subgraph request is in flight from earlier steps (their log lines are written). */
async function settled(): Promise<number> {
  let count = subgraphOperations();
  for (;;) {
    await new Promise((r) => setTimeout(r, 100));
    if (subgraphOperations() === count) return count;
    count = subgraphOperations();
  }
}

function wsClient(token: string, browser: boolean): Client {
  const client = routerWsClient(system.routerUrl, token, browser ? { origin: ORIGIN } : undefined);
  clients.push(client);
  return client;
}

/** One subscription: what arrived, and the error that ended it. */
function subscribe(client: Client, payload: SubscribePayload) {
  const results: Array<{ data?: unknown; errors?: unknown }> = [];
  let ended: unknown;
  const done = new Promise<void>((resolve) => {
    client.subscribe(payload, {
      next: (r) => void results.push(r),
      error: (e) => ((ended = e), resolve()),
      complete: () => resolve(),
    });
  });
  return { results, done, ended: () => ended as Array<{ message: string; extensions?: { code?: string } }> | undefined };
}

describe('persisted operations, enforced for browsers in production', () => {
  it('runs the web app’s operations by hash over HTTP, without their text', async () => {
    // The web app signs in through /session/login (cookie session), not a GraphQL operation.
    const token = await system.tokenFor('doctor');
    const before = await settled();
    const search = await post({ variables: { search: 'Nobody' }, ...byHash(hashOf('DoctorSearchPatients')) }, { browser: true, token });
    expect(search).toMatchObject({ status: 200, data: { __typename: 'Query', patients: { __typename: 'PatientConnection' } } });
    expect(search.errors).toBeUndefined();
    // GET carries the hash in the URL's extensions parameter.
    const params = new URLSearchParams({ variables: JSON.stringify({ search: 'Nobody' }), extensions: JSON.stringify(byHash(hashOf('DoctorSearchPatients')).extensions) });
    const get = await fetch(`${system.routerUrl}?${params.toString()}`, { headers: { origin: ORIGIN, 'apollo-require-preflight': 'true', authorization: `Bearer ${token}` } });
    expect(get.status).toBe(200);
    expect(await get.json()).toMatchObject({ data: { patients: { __typename: 'PatientConnection' } } });
    // The probe the refusal tests rely on: each request a subgraph answers is counted.
    expect(await settled()).toBeGreaterThanOrEqual(before + 2);
  });

  it('refuses unknown hashes and free-form text from a browser with HTTP 400, before any subgraph is called', async () => {
    const token = await system.tokenFor('doctor');
    const before = await settled();
    const refusals: Array<[Record<string, unknown>, string]> = [
      [byHash(UNKNOWN_HASH), 'PERSISTED_QUERY_NOT_FOUND'],
      [{ query: '{ patients(search: "Smi", first: 5) { edges { node { id fullName } } } }' }, 'PERSISTED_OPERATION_REQUIRED'],
      // A safelisted hash does not vouch for other text sent beside it.
      [{ query: '{ users(first: 5) { edges { node { email } } } }', ...byHash(hashOf('DoctorSearchPatients')) }, 'PERSISTED_OPERATION_REQUIRED'],
      [{ query: 'mutation($e: String!, $p: String!) { login(email: $e, password: $p) { accessToken } }', variables: { e: 'a@b.c', p: 'x' } }, 'PERSISTED_OPERATION_REQUIRED'],
    ];
    for (const [body, code] of refusals) {
      const answer = await post(body, { browser: true, token });
      expect(answer.status, JSON.stringify(body)).toBe(400);
      expect(answer.data).toBeUndefined();
      expect(answer.errors?.map((e) => e.extensions?.code)).toEqual([code]);
    }
    // GET carries the operation in the URL; the same rules apply.
    const get = await fetch(`${system.routerUrl}?query=${encodeURIComponent('{ patients(search: "Smi") { totalCount } }')}`, {
      headers: { origin: ORIGIN, 'apollo-require-preflight': 'true', authorization: `Bearer ${token}` },
    });
    expect(get.status).toBe(400);
    expect(((await get.json()) as Answer).errors?.[0]?.extensions?.code).toBe('PERSISTED_OPERATION_REQUIRED');
    // A same-origin GET carries no Origin at all: free-form text over GET is refused from anyone.
    const sameOrigin = await fetch(`${system.routerUrl}?query=${encodeURIComponent('{ patients(search: "Smi") { totalCount } }')}`, {
      headers: { 'apollo-require-preflight': 'true', authorization: `Bearer ${token}` },
    });
    expect(sameOrigin.status).toBe(400);
    expect(((await sameOrigin.json()) as Answer).errors?.[0]?.extensions?.code).toBe('PERSISTED_OPERATION_REQUIRED');
    expect(await settled()).toBe(before);
  });

  it('keeps free-form GraphQL for server-to-server callers (no Origin), and refuses them unknown hashes', async () => {
    const token = await system.tokenFor('doctor');
    const result = await system.gql<{ patients: { totalCount: number } }>('{ patients(search: "Smi", first: 2) { totalCount } }', {}, token);
    expect(result.errors).toBeUndefined();
    expect(typeof result.data?.patients.totalCount).toBe('number');
    const unknown = await post(byHash(UNKNOWN_HASH), { token });
    expect(unknown).toMatchObject({ status: 400, errors: [{ extensions: { code: 'PERSISTED_QUERY_NOT_FOUND' } }] });
  });

  it('runs the web app’s subscription by hash over the WebSocket, and refuses a browser anything else', async () => {
    const token = await system.tokenFor('doctor');
    const browser = wsClient(token, true);
    const before = system.activeSubscriptions('appointments');
    const operationsBefore = await settled();

    const unknown = subscribe(browser, { query: '', ...byHash(UNKNOWN_HASH) });
    const freeForm = subscribe(browser, { query: 'subscription { appointmentEvents { id type } }' });
    await Promise.all([unknown.done, freeForm.done]);
    expect(unknown.ended()?.map((e) => e.extensions?.code)).toEqual(['PERSISTED_QUERY_NOT_FOUND']);
    expect(freeForm.ended()?.map((e) => e.extensions?.code)).toEqual(['PERSISTED_OPERATION_REQUIRED']);
    expect(unknown.results).toEqual([]);
    expect(freeForm.results).toEqual([]);
    expect(system.activeSubscriptions('appointments')).toBe(before);
    expect(await settled()).toBe(operationsBefore);

    // The web app's subscription, by hash only (graphql-ws requires a query string: empty).
    const events = subscribe(browser, { query: '', operationName: 'DoctorScheduleEvents', ...byHash(hashOf('DoctorScheduleEvents')) });
    await until(() => system.activeSubscriptions('appointments') > before);
    const patientId = await fx.patient();
    const booked = await system.gql<{ bookAppointment: { id: string } }>(
      'mutation($input: BookAppointmentInput!) { bookAppointment(input: $input) { id } }',
      { input: { patientId, ...fx.slot(0) } },
      token,
    );
    const id = dataOf(booked).bookAppointment.id;
    await until(() => events.results.some((r) => (r.data as { appointmentEvents?: { appointment: { id: string } } })?.appointmentEvents?.appointment.id === id));
    expect(events.ended()).toBeUndefined();
  });

  it('keeps free-form subscriptions for server-to-server WebSocket clients', async () => {
    const server = wsClient(await system.tokenFor('doctor'), false);
    const before = system.activeSubscriptions('appointments');
    const sub = subscribe(server, { query: 'subscription { appointmentEvents { id type } }' });
    await until(() => system.activeSubscriptions('appointments') > before);
    expect(sub.ended()).toBeUndefined();
  });
});

describe('schema privacy in production', () => {
  it('answers no introspection over HTTP', async () => {
    const token = await system.tokenFor('admin');
    for (const query of ['{ __schema { types { name } } }', '{ __type(name: "Patient") { fields { name } } }']) {
      const answer = await post({ query }, { token });
      expect(answer.status).toBe(400);
      expect(answer.data ?? null).toBeNull();
      expect(answer.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
      expect(JSON.stringify(answer)).not.toMatch(/"Patient"|fullName/);
    }
  });

  it('answers no introspection over the WebSocket', async () => {
    const server = wsClient(await system.tokenFor('admin'), false);
    const sub = subscribe(server, { query: '{ __schema { types { name } } }' });
    await sub.done;
    expect(sub.results).toEqual([]);
    expect(sub.ended()?.length).toBeGreaterThan(0);
    const types = subscribe(server, { query: 'subscription { __type(name: "Patient") { name } }' });
    await types.done;
    expect(types.results).toEqual([]);
    expect(types.ended()?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });

  it('sends no "Did you mean" hints over HTTP, for fields and enum values', async () => {
    const token = await system.tokenFor('admin');
    const field = await post({ query: '{ patiens(search: "Smi") { totalCount } }' }, { token });
    expect(field.errors?.[0]?.message).toMatch(/^Cannot query field "patiens" on type "Query"\.$/);
    const enumValue = await post({ query: 'query($role: Role) { users(role: $role) { totalCount } }', variables: { role: 'ADMN' } }, { token });
    expect(enumValue.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    for (const answer of [field, enumValue]) expect(JSON.stringify(answer)).not.toMatch(/Did you mean|"patients"|"ADMIN"/);
  });

  it('sends no "Did you mean" hints over the WebSocket', async () => {
    const server = wsClient(await system.tokenFor('doctor'), false);
    const sub = subscribe(server, { query: 'subscription { appointmentEvent { id } }' });
    await sub.done;
    expect(sub.ended()?.[0]?.message).toMatch(/^Cannot query field "appointmentEvent" on type "Subscription"\.$/);
    expect(JSON.stringify(sub.ended())).not.toMatch(/Did you mean|appointmentEvents/);
    // Variables of the wrong type are refused before anything is subscribed upstream.
    const badVariables = subscribe(server, { query: 'subscription($d: ID) { appointmentEvents(doctorId: $d) { id } }', variables: { d: { nested: true } } });
    await badVariables.done;
    expect(badVariables.ended()?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(badVariables.ended()?.[0]?.message).toMatch(/^Variable "\$d" got invalid value/);
  });
});
