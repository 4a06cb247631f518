/**
 * Issue 4's proof: a graphql-ws client subscribed through the router receives the event of a
 * booking made through the router within one second, with fields of the patients and identity
 * subgraphs resolved per event; the role and object rules hold on the socket; expired tokens are
 * refused; and a subgraph restart ends subscriptions with an error rather than a hang.
 */
import { routerWsClient } from '../support/router-ws-client.ts';
import { expectSubscriptionAccess } from '../support/subscription-access.ts';
import jwt from 'jsonwebtoken';
import WebSocket from 'ws';
import { describe, expect, it } from 'vitest';
import { until } from '../../../test/helpers.ts';
import { appointmentFixtures } from './appointment-fixtures.ts';
import type { TestSystem } from '@hospital/test-support/system';
import { socketsOnSystem } from '../support/socket-system.ts';
import { dataOf } from './ward-fixtures.ts';

let system: TestSystem;
const fx = appointmentFixtures(() => system);
const { clients } = socketsOnSystem((started) => (system = started));

const EVENTS = `subscription { appointmentEvents {
  id type occurredAt appointment { id status startsAt patient { fullName mrn } doctor { displayName } }
} }`;

interface AppointmentEventData {
  id: string;
  type: string;
  occurredAt: string;
  appointment: { id: string; status: string; startsAt: string; patient: { fullName: string; mrn: string }; doctor: { displayName: string } };
}

/** A client subscribed through the router, recording what arrives and when. */
function subscribe(token: string, query = EVENTS) {
  const client = routerWsClient(system.routerUrl, token);
  clients.push(client);
  const arrivals: { at: number; data?: AppointmentEventData; errors?: unknown }[] = [];
  let ended: unknown;
  let completed = false;
  const done = new Promise<void>((resolve) => {
    client.subscribe(
      { query },
      {
        next: (r) => void arrivals.push({ at: performance.now(), data: (r.data as { appointmentEvents: AppointmentEventData } | null)?.appointmentEvents, errors: r.errors }),
        error: (e) => ((ended = e), resolve()),
        complete: () => ((completed = true), resolve()),
      },
    );
  });
  return { client, arrivals, done, ended: () => ended, completed: () => completed, ids: () => arrivals.map((a) => a.data?.appointment.id) };
}

/** Waits until the appointments subgraph holds `n` more subscriptions than `before`. */
const upstreamOpen = (before: number, n = 1) => until(() => system.activeSubscriptions('appointments') >= before + n);

/** A second doctor with their own token. */
async function secondDoctor(): Promise<{ id: string; token: string }> {
  const email = `doctor2-${Date.now()}@test.hospital.local`;
  const password = 'quartz-lantern-orbit-77';
  const created = await system.gql<{ createUser: { id: string } }>(
    'mutation($input: CreateUserInput!) { createUser(input: $input) { id } }',
    { input: { email, password, displayName: 'Dr Second', role: 'DOCTOR' } },
    await system.tokenFor('admin'),
  );
  const login = await system.gql<{ login: { accessToken: string } }>('mutation($e: String!, $p: String!) { login(email: $e, password: $p) { accessToken } }', {
    e: email,
    p: password,
  });
  return { id: dataOf(created).createUser.id, token: dataOf(login).login.accessToken };
}

async function bookAs(token: string, offset: number, doctorId?: string): Promise<{ id: string; at: number }> {
  const patientId = await fx.patient();
  const result = await system.gql<{ bookAppointment: { id: string } }>(
    'mutation($input: BookAppointmentInput!) { bookAppointment(input: $input) { id } }',
    { input: { patientId, ...fx.slot(offset), doctorId } },
    token,
  );
  return { id: dataOf(result).bookAppointment.id, at: performance.now() };
}

describe('appointment events through the router', () => {
  // Delivery latency is measured by `npm run bench -- fanout`, not timed here (a loaded CI host).
  it('deliver a booking live, with patient and doctor from their subgraphs; only the doctor’s own', async () => {
    const doctorToken = await system.tokenFor('doctor');
    const other = await secondDoctor();
    const before = system.activeSubscriptions('appointments');
    const sub = subscribe(doctorToken);
    await upstreamOpen(before);
    const foreign = await bookAs(await system.tokenFor('admin'), 0, other.id);
    const booked = await bookAs(doctorToken, 30);
    await until(() => sub.ids().includes(booked.id), 15_000);
    const arrival = sub.arrivals.find((a) => a.data?.appointment.id === booked.id)!;
    expect(arrival.errors).toBeUndefined();
    expect(arrival.data).toMatchObject({
      type: 'BOOKED',
      appointment: { id: booked.id, status: 'SCHEDULED', startsAt: fx.slot(30).startsAt, doctor: { displayName: 'Test doctor' } },
    });
    expect(arrival.data!.appointment.patient.fullName).toMatch(/^Ada Appt/);
    expect(arrival.data!.appointment.patient.mrn).toMatch(/\S/);
    await new Promise((r) => setTimeout(r, 300));
    expect(sub.ids()).not.toContain(foreign.id);

    const cancelled = await system.gql('mutation($id: ID!) { cancelAppointment(id: $id, reason: "Patient called") { id } }', { id: booked.id }, doctorToken);
    dataOf(cancelled);
    await until(() => sub.arrivals.some((a) => a.data?.type === 'CANCELLED'));
    expect(sub.arrivals.find((a) => a.data?.type === 'CANCELLED')!.data!.appointment).toMatchObject({ id: booked.id, status: 'CANCELLED' });
  });

  it('refuse a doctor naming another doctor, FINANCE, and an expired token', async () => {
    const colleagueId = (await secondDoctor()).id;
    // With and without fields of other subgraphs (the router's per-event plan, or none).
    for (const selection of ['id', 'id appointment { patient { fullName } }']) {
      const colleague = subscribe(await system.tokenFor('doctor'), `subscription { appointmentEvents(doctorId: "${colleagueId}") { ${selection} } }`);
      await until(() => colleague.arrivals.length > 0 || colleague.ended() !== undefined);
      expect(colleague.arrivals[0]?.data ?? null).toBeNull();
      expect(JSON.stringify(colleague.arrivals[0]?.errors ?? colleague.ended())).toContain('"code":"FORBIDDEN"');
    }

    const finance = subscribe(await system.tokenFor('finance'));
    await finance.done;
    expect(JSON.stringify(finance.ended())).toContain('FORBIDDEN');

    const { privateKeyPem, keyId, issuer, audience } = system.jwt;
    const expiredToken = jwt.sign({ sub: system.accounts.doctor.id, role: 'doctor', email: system.accounts.doctor.email }, privateKeyPem, {
      algorithm: 'ES256',
      keyid: keyId,
      issuer,
      audience,
      expiresIn: -10,
    });
    const expired = subscribe(expiredToken);
    await expired.done;
    expect(expired.arrivals).toEqual([]);
    expect((expired.ended() as { code?: number }).code).toBe(4401);
  });

  // The README role table's `subscription appointmentEvents` row, walked over the socket.
  it.each([
    ['admin', true],
    ['doctor', true],
    ['ward_staff', true],
    ['pharmacist', false],
    ['finance', false],
  ] as const)('role table: %s may subscribe: %s', async (role, allowed) => {
    await expectSubscriptionAccess(system, clients, {
      subgraph: 'appointments',
      token: await system.tokenFor(role),
      query: 'subscription { appointmentEvents { id type } }',
      allowed,
    });
  });

  it('role table: anonymous callers are refused on connect', async () => {
    const anonymous = routerWsClient(system.routerUrl);
    clients.push(anonymous);
    const code = await new Promise<number>((resolve) => anonymous.on('closed', (event) => resolve((event as { code: number }).code)));
    expect(code).toBe(4401);
  });

  it('release the upstream subscription as soon as the client completes or disconnects, even on a quiet stream', async () => {
    const base = system.activeSubscriptions('appointments');
    const client = routerWsClient(system.routerUrl, await system.tokenFor('admin'));
    clients.push(client);
    // A doctor nobody books for: no event ever arrives to wake the stream up.
    const quiet = (n: number) =>
      client.subscribe(
        { query: `subscription { appointmentEvents(doctorId: "00000000-0000-0000-0000-00000000000${n}") { id } }` },
        { next: () => {}, error: () => {}, complete: () => {} },
      );
    const complete = quiet(1);
    await upstreamOpen(base);
    complete();
    await until(() => system.activeSubscriptions('appointments') === base, 5_000);
    quiet(2);
    quiet(3);
    await upstreamOpen(base, 2);
    await client.dispose();
    await until(() => system.activeSubscriptions('appointments') === base, 5_000);
  });

  it('release the upstream subscription when a client reuses an id that is still being set up', async () => {
    const base = system.activeSubscriptions('appointments');
    const socket = new WebSocket(system.routerUrl.replace(/^http/, 'ws'), 'graphql-transport-ws');
    const closed = new Promise<number>((resolve) => socket.once('close', (code) => resolve(code)));
    await new Promise((resolve) => socket.once('open', resolve));
    socket.send(JSON.stringify({ type: 'connection_init', payload: { authorization: `Bearer ${await system.tokenFor('admin')}` } }));
    await new Promise((resolve) => socket.once('message', resolve));
    const subscribe = JSON.stringify({ type: 'subscribe', id: 'x', payload: { query: 'subscription { appointmentEvents { id } }' } });
    // Sent in one go: the second subscribe arrives while the first is still being checked.
    socket.send(subscribe);
    socket.send(JSON.stringify({ type: 'complete', id: 'x' }));
    socket.send(subscribe);
    const code = await Promise.race([closed, new Promise<undefined>((r) => setTimeout(() => r(undefined), 500))]);
    expect([4409, undefined]).toContain(code);
    socket.close();
    await closed;
    await until(() => system.activeSubscriptions('appointments') === base, 5_000);
  });

  it('survive a subgraph restart: the subscription ends with an error, a new one works', async () => {
    const token = await system.tokenFor('admin');
    const before = system.activeSubscriptions('appointments');
    const sub = subscribe(token);
    await upstreamOpen(before);
    await system.stopSubgraph('appointments');
    // Ends within seconds (not a hang), and with an error, not as a normal completion.
    await Promise.race([sub.done, new Promise((r) => setTimeout(r, 5_000))]);
    expect(sub.completed()).toBe(false);
    expect(sub.ended()).toEqual([
      expect.objectContaining({
        message: expect.stringMatching(/source became unavailable; subscribe again/),
        extensions: expect.objectContaining({ code: 'SERVICE_UNAVAILABLE', retryAfterSeconds: 1 }),
      }),
    ]);
    await system.startSubgraph('appointments');
    const again = subscribe(token);
    await upstreamOpen(0);
    const booked = await bookAs(await system.tokenFor('doctor'), 90);
    await until(() => again.ids().includes(booked.id), 5_000);
    // This booking's arrival: an admin also receives the bookings of files running beside this one.
    expect(again.arrivals.find((a) => a.data?.appointment.id === booked.id)!.data!.appointment.patient.fullName).toMatch(/^Ada Appt/);
  });
});
