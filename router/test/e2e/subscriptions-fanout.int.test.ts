/**
 * Issue 11's fan-out, end to end over the router's WebSocket endpoint with every part real
 * (appointments, patients and identity services on PostgreSQL, events over the run's Kafka):
 * subscribers of mixed roles and scopes each receive exactly their own events and the fields
 * their role allows; each event's patient fields are fetched once per distinct (selection,
 * scope), never shared across scopes; and every reader of patient data leaves exactly one audit
 * row per event, the shared resolution's reader through the patients service and the others
 * through one batched RecordDeliveredReads call, also when the event went out with another
 * subgraph's errors beside the patient data.
 */
import { routerWsClient } from '../support/router-ws-client.ts';
import { socketsOnSystem } from '../support/socket-system.ts';
import { describe, expect, it } from 'vitest';
import { until as waitUntil } from '../../../test/helpers.ts';
import { useOwnDatabase } from '../../../test/own-database.ts';
import { appointmentFixtures } from './appointment-fixtures.ts';
import type { TestSystem } from '@hospital/test-support/system';
import { dataOf } from './ward-fixtures.ts';

let system: TestSystem;
// Admins and ward staff receive every appointment event: on the run's database (and so its
// topic) they would also receive the bookings of files running beside this one, and those
// files' admins would read this file's patients. A database, and so topics, of its own.
const own = useOwnDatabase();
const fx = appointmentFixtures(() => system);
const { clients } = socketsOnSystem(
  (started) => (system = started),
  undefined,
  () => own.database.url,
);

const FULL = 'subscription Board { appointmentEvents { id type appointment { id patient { id fullName mrn } doctor { id displayName } } } }';
const BARE = 'subscription Bare { appointmentEvents { id type appointment { id status } } }';

interface Arrival {
  appointment: { id: string; patient?: { id: string; fullName: string; mrn: string }; doctor?: { id: string; displayName: string } };
}

/** A subscriber through the router: one connection, one subscription. */
function subscribe(token: string, query: string) {
  const client = routerWsClient(system.routerUrl, token);
  clients.push(client);
  const arrivals: Arrival[] = [];
  const errors: unknown[] = [];
  let ended: unknown;
  client.subscribe(
    { query },
    {
      next: (r) => {
        if (r.errors) errors.push(r.errors);
        const data = (r.data as { appointmentEvents: Arrival } | null)?.appointmentEvents;
        if (data) arrivals.push(data);
      },
      error: (e) => void (ended = e),
      complete: () => {},
    },
  );
  return { arrivals, errors, ended: () => ended, ids: () => arrivals.map((a) => a.appointment.id).sort() };
}

const until = (predicate: () => boolean, timeoutMs = 15_000) => waitUntil(predicate, timeoutMs, 20);

/** A new staff member (through the router, as the admin) and their token. */
async function staff(role: 'DOCTOR' | 'ADMIN' | 'WARD_STAFF', name: string): Promise<{ id: string; token: string }> {
  const email = `${name.toLowerCase().replace(/\W/g, '-')}-${Date.now()}@test.hospital.local`;
  const password = 'quartz-lantern-orbit-77';
  const created = await system.gql<{ createUser: { id: string } }>(
    'mutation($input: CreateUserInput!) { createUser(input: $input) { id } }',
    { input: { email, password, displayName: name, role } },
    await system.tokenFor('admin'),
  );
  const login = await system.gql<{ login: { accessToken: string } }>('mutation($e: String!, $p: String!) { login(email: $e, password: $p) { accessToken } }', {
    e: email,
    p: password,
  });
  return { id: dataOf(created).createUser.id, token: dataOf(login).login.accessToken };
}

/** Request ids of the set-up calls (registration, booking): their own audit rows are not the fan-out's. */
const setupRequests = new Set<string>();

/** Books a new patient's appointment with a doctor (as the admin); returns appointment and patient. */
async function book(doctorId: string, offset: number): Promise<{ id: string; patientId: string }> {
  const family = `Appt${Math.random()
    .toString(36)
    .replace(/[^a-z]/g, '')
    .slice(0, 8)}`;
  const registered = await system.gql<{ registerPatient: { id: string } }>(
    'mutation($input: RegisterPatientInput!) { registerPatient(input: $input) { id } }',
    { input: { givenName: 'Ada', familyName: family, dateOfBirth: '1984-04-04', sex: 'FEMALE' } },
    await system.tokenFor('admin'),
  );
  const patientId = dataOf(registered).registerPatient.id;
  const result = await system.gql<{ bookAppointment: { id: string } }>(
    'mutation($input: BookAppointmentInput!) { bookAppointment(input: $input) { id } }',
    { input: { patientId, doctorId, ...fx.slot(offset) } },
    await system.tokenFor('admin'),
  );
  for (const call of [registered, result]) if (call.requestId) setupRequests.add(call.requestId);
  return { id: dataOf(result).bookAppointment.id, patientId };
}

/** The patient-data rows of the audit trail for one patient, by action and actor. */
async function patientRows(patientId: string): Promise<Array<{ action: string; actor: string }>> {
  const rows = await own.db.$queryRawUnsafe<Array<{ action: string; actor: string; request: string }>>(
    `SELECT action, actor_id AS actor, request_id AS request FROM audit.access_log
      WHERE patient_id = $1::uuid AND resource = 'Patient' AND outcome = 'allowed' AND actor_kind = 'user'
        AND action IN ('PatientsService.GetPatients', 'Subscription.appointmentEvents')`,
    patientId,
  );
  return rows.filter((row) => !setupRequests.has(row.request));
}

describe('subscription fan-out through the router', () => {
  it('gives each subscriber exactly its own events and fields, fetches once per (selection, scope), audits once per (event, reader)', async () => {
    const doctorA = { id: system.accounts.doctor.id, token: await system.tokenFor('doctor') };
    const doctorB = await staff('DOCTOR', 'Dr Bee');
    const admin2 = await staff('ADMIN', 'Second Admin');
    const ward1 = { id: system.accounts.ward_staff.id, token: await system.tokenFor('ward_staff') };
    const ward2 = await staff('WARD_STAFF', 'Second Ward');
    const admin1 = { id: system.accounts.admin.id, token: await system.tokenFor('admin') };

    const before = system.activeSubscriptions('appointments');
    const subs = {
      a1: subscribe(doctorA.token, FULL),
      a2: subscribe(doctorA.token, FULL),
      a3: subscribe(doctorA.token, FULL),
      b1: subscribe(doctorB.token, FULL),
      b2: subscribe(doctorB.token, FULL),
      admin1: subscribe(admin1.token, FULL),
      admin2: subscribe(admin2.token, FULL),
      ward1: subscribe(ward1.token, FULL),
      ward2: subscribe(ward2.token, FULL),
      wardBare: subscribe(ward1.token, BARE),
    };
    const finance = subscribe(await system.tokenFor('finance'), FULL);
    // Upstream streams: one per (operation, variables, scope): doctor A, doctor B, admins, ward staff (full), ward staff (bare).
    await until(() => system.activeSubscriptions('appointments') >= before + 5);
    await new Promise((r) => setTimeout(r, 300));
    expect(system.activeSubscriptions('appointments')).toBe(before + 5);
    await until(() => finance.ended() !== undefined);
    expect(JSON.stringify(finance.ended())).toContain('"code":"FORBIDDEN"');

    const ofA = [await book(doctorA.id, 600), await book(doctorA.id, 630), await book(doctorA.id, 660)];
    const ofB = [await book(doctorB.id, 600), await book(doctorB.id, 630)];
    const all = [...ofA, ...ofB].map((a) => a.id).sort();
    const everyone = Object.values(subs);
    await until(() => everyone.every((s) => s.arrivals.length >= (s === subs.a1 || s === subs.a2 || s === subs.a3 ? 3 : s === subs.b1 || s === subs.b2 ? 2 : 5)));
    await new Promise((r) => setTimeout(r, 500));

    // Each exactly their own: a doctor never receives a colleague's event (nor its patient).
    for (const s of [subs.a1, subs.a2, subs.a3]) expect(s.ids()).toEqual(ofA.map((a) => a.id).sort());
    for (const s of [subs.b1, subs.b2]) expect(s.ids()).toEqual(ofB.map((a) => a.id).sort());
    for (const s of [subs.admin1, subs.admin2, subs.ward1, subs.ward2, subs.wardBare]) expect(s.ids()).toEqual(all);
    for (const s of everyone) expect(s.errors).toEqual([]);
    const patientOf = new Map([...ofA, ...ofB].map((a) => [a.id, a.patientId]));
    for (const s of everyone.filter((s) => s !== subs.wardBare)) {
      for (const arrival of s.arrivals) {
        expect(arrival.appointment.patient?.id).toBe(patientOf.get(arrival.appointment.id));
        expect(arrival.appointment.patient?.fullName).toMatch(/^Ada Appt/);
        expect(arrival.appointment.doctor?.id).toBe(ofA.some((a) => a.id === arrival.appointment.id) ? doctorA.id : doctorB.id);
      }
    }
    // The bare selection carries no patient fields and costs no audit row.
    expect(subs.wardBare.arrivals.every((a) => a.appointment.patient === undefined)).toBe(true);

    // Patients fetched once per (selection, scope) receiving the event: 3 for each (doctor, admins,
    // ward staff), whatever the subscriber count (7 full subscribers of A's events, 6 of B's).
    // Audit: exactly one row per (event, reader): the representative's through GetPatients, the
    // other users' through the batched call; doctor A's three connections are one reader.
    for (const [appointments, doctor] of [
      [ofA, doctorA.id],
      [ofB, doctorB.id],
    ] as const) {
      for (const { patientId } of appointments) {
        const rows = await patientRows(patientId);
        const fetches = rows.filter((r) => r.action === 'PatientsService.GetPatients');
        expect(fetches).toHaveLength(3);
        const readers = rows.map((r) => r.actor).sort();
        expect(readers).toEqual([doctor, admin1.id, admin2.id, ward1.id, ward2.id].sort());
      }
    }
  });

  it('audits every reader of patient data delivered with errors (a subgraph failed, the names still went out)', async () => {
    const admin1 = { id: system.accounts.admin.id, token: await system.tokenFor('admin') };
    const admin2 = await staff('ADMIN', 'Third Admin');
    const doctor = system.accounts.doctor.id;
    // Admins share one scope: one cohort, one resolution, the second admin audited through the batched call.
    const partial = 'subscription Partial { appointmentEvents { id appointment { id patient { id fullName currentAdmission { id } } } } }';
    const before = system.activeSubscriptions('appointments');
    const subs = [subscribe(admin1.token, partial), subscribe(admin2.token, partial)];
    await until(() => system.activeSubscriptions('appointments') >= before + 1);
    await new Promise((r) => setTimeout(r, 300));
    // The ward subgraph cannot be restarted on its port: this test runs last, and the system closes after it.
    await system.stopSubgraph('ward');
    {
      const booked = await book(doctor, 720);
      await until(() => subs.every((s) => s.arrivals.some((a) => a.appointment.id === booked.id)));
      for (const s of subs) {
        const arrival = s.arrivals.find((a) => a.appointment.id === booked.id)!;
        // The patient's name was delivered, next to the ward subgraph's error.
        expect(arrival.appointment.patient?.fullName).toMatch(/^Ada Appt/);
        // As a query answers: the nullable field null, a typed retryable error, the subscription still open.
        expect((arrival.appointment.patient as { currentAdmission?: unknown }).currentAdmission).toBeNull();
        expect(s.errors.at(-1)).toEqual([expect.objectContaining({ extensions: { code: 'SERVICE_UNAVAILABLE', retryAfterSeconds: expect.any(Number) } })]);
        expect(s.ended()).toBeUndefined();
      }
      const next = await book(doctor, 750);
      await until(() => subs.every((s) => s.arrivals.some((a) => a.appointment.id === next.id)));
      // The first test's subscribers, still open with another selection, read it too (rows of their own).
      const readers = (await patientRows(booked.patientId)).map((r) => r.actor);
      expect(readers).toContain(admin1.id);
      expect(readers.filter((actor) => actor === admin2.id)).toHaveLength(1);
    }
  });
});
