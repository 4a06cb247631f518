/**
 * `Subscription.appointmentEvents` on the subgraph itself, over graphql-ws with the router-signed
 * identity, fed by the real appointments service's outbox (PullEvents under a per-replica
 * consumer). Bookings go through the subgraph over HTTP, as the router sends them.
 */
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAppointmentsHarness, type AppointmentsHarness } from '@hospital/appointments-service/testing';
import { createLogger, signIdentity, type Caller } from '@hospital/service-kit';
import { identityHeaders, postGraphQL, userCaller } from '@hospital/subgraph-kit/testing';
import { testDatabaseUrl, until as waitUntil } from '../../../test/helpers.ts';
import { startAppointmentsSubgraph, type RunningAppointmentsSubgraph } from './index.ts';

let h: AppointmentsHarness;
let subgraph: RunningAppointmentsSubgraph;
const clients: Client[] = [];

beforeAll(async () => {
  h = await startAppointmentsHarness(testDatabaseUrl());
  subgraph = await startAppointmentsSubgraph(
    { port: 0, host: '127.0.0.1', appointmentsTarget: h.target, internalSecret: h.internalSecret, production: true },
    { logger: createLogger('appointment-events-test', 'silent') },
  );
});

afterAll(async () => {
  await Promise.all(clients.map((c) => c.dispose()));
  await subgraph?.close();
  await h?.close();
});

const EVENTS = `subscription($doctorId: ID, $wardId: ID) {
  appointmentEvents(doctorId: $doctorId, wardId: $wardId) {
    id type occurredAt appointment { id status reason patient { id } doctor { id } history { from to } createdAt }
  }
}`;

interface EventResult {
  data?: { appointmentEvents: { id: string; type: string; appointment: { id: string; status: string; doctor: { id: string }; history: { to: string }[] } } } | null;
  errors?: { message: string; extensions?: Record<string, unknown> }[];
}

/** Subscribes as the router would (identity in connectionParams) and collects what arrives. */
function subscribe(caller: Caller | undefined, variables: Record<string, unknown> = {}) {
  const client = createClient({
    url: subgraph.url.replace(/^http/, 'ws'),
    webSocketImpl: WebSocket,
    lazy: false,
    retryAttempts: 0,
    // The refused connection is asserted below; graphql-ws would also print it.
    onNonLazyError: () => {},
    connectionParams: caller ? { identity: signIdentity(caller, h.internalSecret) } : {},
  });
  clients.push(client);
  const results: EventResult[] = [];
  let ended: unknown;
  const done = new Promise<void>((resolve) => {
    client.subscribe({ query: EVENTS, variables }, { next: (r) => void results.push(r as EventResult), error: (e) => ((ended = e), resolve()), complete: () => resolve() });
  });
  return { results, done, ended: () => ended, events: () => results.map((r) => r.data!.appointmentEvents) };
}

const until = (predicate: () => boolean, timeoutMs = 10_000) => waitUntil(predicate, timeoutMs, 20);

/** Waits until n subscriptions are registered with the event source. */
const subscribed = (n: number) => until(() => subgraph.activeSubscriptions() >= n);

async function book(doctorId: string, offset: number): Promise<string> {
  const result = await postGraphQL<{ bookAppointment: { id: string } }>(subgraph.url, 'mutation($input: BookAppointmentInput!) { bookAppointment(input: $input) { id } }', {
    variables: { input: { patientId: await h.newPatient(), ...h.slot(offset) } },
    headers: identityHeaders(userCaller('doctor', doctorId), h.internalSecret),
  });
  expect(result.errors).toBeUndefined();
  return result.data!.bookAppointment.id;
}

describe('appointmentEvents on the subgraph', () => {
  it('refuses a connection without the router identity', async () => {
    const sub = subscribe(undefined);
    await sub.done;
    expect(sub.results).toEqual([]);
    expect((sub.ended() as { code?: number }).code).toBe(4401);
  });

  it('streams a doctor’s own events only, live (no history), with the snapshot and the loaded history', async () => {
    const me = await h.newDoctor();
    const other = await h.newDoctor();
    const before = await book(me, 0);
    const base = subgraph.activeSubscriptions();
    const mine = subscribe(userCaller('doctor', me));
    const admin = subscribe(userCaller('admin'), { doctorId: me });
    await subscribed(base + 2);
    await book(other, 30);
    const id = await book(me, 60);
    await until(() => mine.results.length === 1 && admin.results.length === 1);
    const cancel = await postGraphQL(subgraph.url, 'mutation($id: ID!) { cancelAppointment(id: $id, reason: "ill") { id } }', {
      variables: { id },
      headers: identityHeaders(userCaller('doctor', me), h.internalSecret),
    });
    expect(cancel.errors).toBeUndefined();
    await until(() => mine.results.length === 2);
    expect(mine.results.every((r) => r.errors === undefined)).toBe(true);
    expect(mine.events().map((e) => [e.type, e.appointment.id, e.appointment.status, e.appointment.history.map((c) => c.to)])).toEqual([
      ['BOOKED', id, 'SCHEDULED', ['SCHEDULED']],
      ['CANCELLED', id, 'CANCELLED', ['SCHEDULED', 'CANCELLED']],
    ]);
    expect(mine.events().some((e) => e.appointment.id === before)).toBe(false);
    expect(admin.events()[0]!.appointment).toMatchObject({ id, doctor: { id: me } });
  });

  it('lets admins and ward staff follow everyone (wardId accepted)', async () => {
    const base = subgraph.activeSubscriptions();
    const ward = subscribe(userCaller('ward_staff'), { wardId: '00000000-0000-4000-8000-000000000001' });
    await subscribed(base + 1);
    const [a, b] = [await book(await h.newDoctor(), 120), await book(await h.newDoctor(), 150)];
    await until(() => [a, b].every((id) => ward.events().some((e) => e.appointment.id === id)));
  });

  it('refuses a doctor naming another doctor (FORBIDDEN) and roles outside @auth (FORBIDDEN)', async () => {
    for (const sub of [subscribe(userCaller('doctor'), { doctorId: '00000000-0000-4000-8000-000000000002' }), subscribe(userCaller('pharmacist'))]) {
      await until(() => sub.results.length > 0 || sub.ended() !== undefined);
      expect(JSON.stringify(sub.results[0] ?? sub.ended())).toContain('FORBIDDEN');
    }
  });
});
