/**
 * Live boards at scale (issue 11): N subscribers to `appointmentEvents` through the real router
 * process, a mix of roles and scopes (10 % doctors' own schedules over 10 doctors, 20 % admins,
 * 70 % ward staff, each a user of their own), with the live schedule's full selection
 * (`patient { fullName mrn } doctor { displayName }`) and, as the in-run baseline, the event's own
 * fields only; bookings at 10 a second through the router; events over Kafka (the production
 * path) and over PostgreSQL (PullEvents). Reports events lost, commit-to-client latency
 * (client clock minus the event's occurredAt), connections the router closed, subgraph patient
 * fetches and audit rows per event, and router CPU per event.
 *   npm run bench -- fanout            (N = 100, 500, 1000; 20 s of events per cell)
 *   npm run bench -- --smoke fanout    (N = 20; 1 s per cell; one transport: Kafka when named)
 * KAFKA_BROKERS names the broker of the Kafka cells (they are skipped without one); FANOUT_SECONDS,
 * FANOUT_NS (`100,500,1000`) and FANOUT_TRANSPORTS (`kafka,postgres`) narrow a run;
 * FANOUT_PROFILE_DIR writes the router process's CPU profile there (bench/lib/router-profile-summary.ts).
 */
import { randomUUID } from 'node:crypto';
import { loadavg } from 'node:os';
import jwt from 'jsonwebtoken';
import { createPrismaClient, seedDemoData, type PrismaClient } from '@hospital/db';
import { createTestDatabase } from '@hospital/db/testing';
import type { RoleName } from '@hospital/service-kit';
import { startTestSystem, type TestSystem } from '@hospital/test-support/system';
import { useKafkaBrokersOutsideVitest } from '../../test/helpers.ts';
import { startFleet, type FleetMember } from '../lib/fanout-clients.ts';
import type { Scenario, ScenarioRow } from '../lib/scenario.ts';
import { latencySummary } from '../lib/stats.ts';
import { startRouterProcess, type RouterProcess } from '../router-process.ts';

const FULL = 'subscription LiveSchedule { appointmentEvents { id type occurredAt appointment { id status startsAt patient { fullName mrn } doctor { displayName } } } }';
const BARE = 'subscription LiveBare { appointmentEvents { id type occurredAt appointment { id status startsAt } } }';
const BOOK = 'mutation Book($input: BookAppointmentInput!) { bookAppointment(input: $input) { id } }';
const DOCTORS = 10;
const EVENTS_PER_SECOND = 10;
const SLOT_MS = 15 * 60_000;

/** A subscriber-to-be: a user, and the doctor whose events it may see (undefined: everyone's). */
interface Seat {
  userId: string;
  role: RoleName;
  doctorId?: string;
}

function tokenOf(system: TestSystem, seat: Pick<Seat, 'userId' | 'role'>): string {
  const { privateKeyPem, keyId, issuer, audience } = system.jwt;
  return jwt.sign({ sub: seat.userId, role: seat.role, email: `${seat.userId}@bench.hospital.local` }, privateKeyPem, {
    algorithm: 'ES256',
    keyid: keyId,
    issuer,
    audience,
    expiresIn: 3_600,
  });
}

/** Users for the largest N, created straight in the database (tokens are minted, nobody signs in). */
async function createSeats(db: PrismaClient, maxN: number): Promise<{ doctors: string[]; seats: Seat[]; booker: string }> {
  const make = async (role: RoleName, count: number, label: string) => {
    const users = Array.from({ length: count }, (_, i) => ({
      id: randomUUID(),
      email: `${label}-${i}-${randomUUID().slice(0, 6)}@bench.hospital.local`,
      displayName: `Bench ${label} ${i}`,
      role,
      passwordHash: 'bench-no-sign-in',
    }));
    await db.user.createMany({ data: users });
    return users.map((u) => u.id);
  };
  const doctors = await make('doctor', DOCTORS, 'doctor');
  const [booker] = await make('admin', 1, 'booker');
  const doctorSeats = Math.round(maxN * 0.1);
  const adminSeats = Math.round(maxN * 0.2);
  const admins = await make('admin', adminSeats, 'admin');
  const ward = await make('ward_staff', maxN - doctorSeats - adminSeats, 'ward');
  // Interleaved, so that every prefix of N seats keeps the mix.
  const seats: Seat[] = [];
  const pools: Seat[][] = [
    Array.from({ length: doctorSeats }, (_, i) => ({ userId: doctors[i % DOCTORS]!, role: 'doctor' as const, doctorId: doctors[i % DOCTORS]! })),
    admins.map((userId) => ({ userId, role: 'admin' as const })),
    ward.map((userId) => ({ userId, role: 'ward_staff' as const })),
  ];
  for (let i = 0; seats.length < maxN; i++) {
    for (const [p, pool] of pools.entries()) {
      const share = [0.1, 0.2, 0.7][p]!;
      const due = Math.floor((i + 1) * share * 10) - Math.floor(i * share * 10);
      for (let k = 0; k < due && pool.length > 0; k++) seats.push(pool.shift()!);
    }
  }
  return { doctors, seats: seats.slice(0, maxN), booker: booker! };
}

/** Audit rows of users since a moment, by action (the booker's own excluded). */
async function auditSince(db: PrismaClient, since: Date, booker: string): Promise<Record<string, number>> {
  const rows = await db.$queryRawUnsafe<Array<{ action: string; n: bigint }>>(
    `SELECT action, count(*) AS n FROM audit.access_log WHERE occurred_at >= $1 AND actor_kind = 'user' AND actor_id <> $2
       AND action IN ('PatientsService.GetPatients', 'Subscription.appointmentEvents') GROUP BY action`,
    since,
    booker,
  );
  return Object.fromEntries(rows.map((r) => [r.action, Number(r.n)]));
}

/** One cell's measurement. */
interface CellSetup {
  system: TestSystem;
  router: RouterProcess;
  db: PrismaClient;
  seats: Seat[];
  doctors: string[];
  booker: string;
  patients: string[];
  slot: { next: number };
  seconds: number;
  smoke: boolean;
  log(message: string): void;
}

async function runCell(setup: CellSetup, transport: string, n: number, selection: 'full' | 'bare'): Promise<ScenarioRow> {
  const { system, router, db, doctors, patients, slot } = setup;
  const seats = setup.seats.slice(0, n);
  const query = selection === 'full' ? FULL : BARE;
  const members: FleetMember[] = seats.map((seat) => ({ token: tokenOf(system, seat), query }));
  const fleet = startFleet(router.url.replace(/^http/, 'ws'), members);
  const bookerToken = tokenOf(system, { userId: setup.booker, role: 'admin' });
  const book = async (doctorId: string): Promise<string | undefined> => {
    const startsAt = slot.next;
    slot.next += SLOT_MS;
    const input = {
      patientId: patients[Math.floor(startsAt / SLOT_MS) % patients.length],
      doctorId,
      startsAt: new Date(startsAt).toISOString(),
      endsAt: new Date(startsAt + SLOT_MS).toISOString(),
    };
    try {
      const response = await fetch(router.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${bookerToken}` },
        body: JSON.stringify({ query: BOOK, variables: { input } }),
      });
      const body = (await response.json()) as { data?: { bookAppointment?: { id: string } }; errors?: unknown };
      if (!body.data?.bookAppointment) bookingErrors.add(JSON.stringify(body.errors ?? response.status).slice(0, 300));
      return body.data?.bookAppointment?.id;
    } catch (error) {
      bookingErrors.add(String(error).slice(0, 300));
      return undefined;
    }
  };
  const bookingErrors = new Set<string>();
  const expectedOf = (seat: Seat, booked: ReadonlyArray<{ id: string; doctorId: string }>) => booked.filter((b) => seat.doctorId === undefined || b.doctorId === seat.doctorId);
  try {
    await fleet.connect();
    // Warm-up: one event per doctor, until every subscriber has its own (all streams are live).
    const warm = (await Promise.all(doctors.map(async (doctorId) => ({ id: (await book(doctorId)) ?? '', doctorId })))).filter((b) => b.id);
    const deadline = Date.now() + (setup.smoke ? 20_000 : 60_000);
    for (;;) {
      const counts = await fleet.progress();
      if (seats.every((seat, i) => counts[i]! >= expectedOf(seat, warm).length) || Date.now() > deadline) break;
      await new Promise((r) => setTimeout(r, 200));
    }
    // Every warm-up row is in the trail before its event reaches anyone: the cell's rows come after.
    const since = new Date();
    const cpuBefore = router.cpuMs();
    const loadBefore = loadavg()[0]!;
    const booked: Array<{ id: string; doctorId: string }> = [];
    let failed = 0;
    const total = setup.seconds * EVENTS_PER_SECOND;
    const bookings: Promise<void>[] = [];
    const started = performance.now();
    for (let i = 0; i < total; i++) {
      const wait = started + (i * 1000) / EVENTS_PER_SECOND - performance.now();
      if (wait > 0) await new Promise((r) => setTimeout(r, wait));
      const doctorId = doctors[i % DOCTORS]!;
      bookings.push(book(doctorId).then((id) => void (id ? booked.push({ id, doctorId }) : (failed += 1))));
    }
    await Promise.all(bookings);
    // Drain: until everything expected arrived, or 15 s.
    const drainUntil = Date.now() + (setup.smoke ? 5_000 : 15_000);
    for (;;) {
      const counts = await fleet.progress();
      if (seats.every((seat, i) => counts[i]! >= expectedOf(seat, warm).length + expectedOf(seat, booked).length) || Date.now() > drainUntil) break;
      await new Promise((r) => setTimeout(r, 250));
    }
    const cpuMs = router.cpuMs() - cpuBefore;
    const reports = await fleet.stop();
    const latencies: number[] = [];
    let expected = 0;
    let lost = 0;
    for (const [i, seat] of seats.entries()) {
      for (const b of expectedOf(seat, booked)) {
        expected += 1;
        const latency = reports[i]!.received[b.id];
        if (latency === undefined) lost += 1;
        else latencies.push(latency);
      }
    }
    const audit = await auditSince(db, since, setup.booker);
    // Events that reached anyone: a booking that timed out at the client may still have committed.
    const warmIds = new Set(warm.map((b) => b.id));
    const seen = new Set(reports.flatMap((r) => Object.keys(r.received)).filter((id) => !warmIds.has(id)));
    const perEvent = (count: number) => (seen.size ? Math.round((count / seen.size) * 10) / 10 : 0);
    const summary = latencySummary(latencies);
    const row: ScenarioRow = {
      transport,
      N: n,
      selection,
      events: booked.length,
      'booking errors': failed,
      deliveries: expected,
      lost,
      'lost %': expected ? Math.round((lost / expected) * 1000) / 10 : 0,
      'p50 ms': summary.p50,
      'p95 ms': summary.p95,
      'p99 ms': summary.p99,
      'closed by router': reports.filter((r) => r.closedWith !== 0).length,
      'error payloads': reports.reduce((sum, r) => sum + r.errors, 0),
      'events delivered': seen.size,
      'patient fetches / event': perEvent(audit['PatientsService.GetPatients'] ?? 0),
      'audit rows / event': perEvent((audit['PatientsService.GetPatients'] ?? 0) + (audit['Subscription.appointmentEvents'] ?? 0)),
      'router CPU ms / event': booked.length ? Math.round((cpuMs / booked.length) * 10) / 10 : 0,
      load: `${loadBefore.toFixed(1)}→${loadavg()[0]!.toFixed(1)}`,
    };
    setup.log(JSON.stringify(row));
    for (const error of bookingErrors) setup.log(`booking failed: ${error}`);
    return row;
  } catch (error) {
    await fleet.stop().catch(() => undefined);
    throw error;
  }
}

const scenario: Scenario = {
  description: 'N subscribers (mixed roles and scopes), full vs event-only selection, bookings at 10/s, events over Kafka and PostgreSQL: lost events and commit-to-client latency',
  async run({ smoke, serverUrl, log }) {
    const ns = smoke ? [20] : (process.env['FANOUT_NS'] ?? '100,500,1000').split(',').map(Number);
    const profileDir = process.env['FANOUT_PROFILE_DIR'];
    const seconds = smoke ? 1 : Number(process.env['FANOUT_SECONDS'] ?? 20);
    const brokers = process.env['KAFKA_BROKERS'];
    if (brokers) useKafkaBrokersOutsideVitest(brokers);
    // Smoke: one system only (Kafka when a broker is named), both selections: within CI's budget.
    const transports = (brokers ? ['kafka', 'postgres'] : ['postgres'])
      .filter((t) => (process.env['FANOUT_TRANSPORTS'] ?? 'kafka,postgres').split(',').includes(t))
      .slice(0, smoke ? 1 : undefined);
    const began = performance.now();
    const database = await createTestDatabase({ serverUrl });
    const db = createPrismaClient(database.url);
    const rows: ScenarioRow[] = [];
    try {
      await seedDemoData(db, { password: `bench-${randomUUID()}`, patientCount: smoke ? 20 : 200 });
      const patients = (await db.patient.findMany({ select: { id: true } })).map((p) => p.id);
      const { doctors, seats, booker } = await createSeats(db, Math.max(...ns));
      // Slots two days ahead, 15 minutes apart, never reused: no booking conflicts with another.
      log(`database seeded after ${Math.round(performance.now() - began)} ms`);
      const slot = { next: Math.ceil((Date.now() + 2 * 86_400_000) / SLOT_MS) * SLOT_MS };
      for (const transport of transports) {
        const system = await startTestSystem(database.url, {
          kafka: transport === 'kafka',
          production: true,
          abuseLimits: { rateLimits: { perUser: 0, perIp: 0, wsConnects: 0 } },
        });
        // Smoke: the system's own router (in this process), to stay within seconds; full runs: the
        // router as its own process, as deployed.
        const router: RouterProcess = smoke
          ? { url: system.routerUrl, pid: process.pid, cpuMs: () => Number.NaN, rssMiB: () => Number.NaN, stop: async () => {} }
          : await startRouterProcess(
              system,
              {
                NODE_ENV: 'production',
                ROUTER_RATE_LIMIT_PER_USER: '0',
                ROUTER_RATE_LIMIT_PER_IP: '0',
                ROUTER_RATE_LIMIT_WS_CONNECTS: '0',
                WS_MAX_CONNECTIONS_PER_USER: '50',
                // Every subscriber connects from 127.0.0.1: the per-address cap would refuse the fleet.
                ROUTER_MAX_CONNECTIONS_PER_ADDRESS: '10000',
                // Bookings must not be shed while the machine is loaded: the rate is the experiment.
                ROUTER_MAX_IN_FLIGHT: '0',
              },
              profileDir ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : [],
            );
        try {
          log(`${transport}: system and router up after ${Math.round(performance.now() - began)} ms`);
          for (const n of ns) {
            // Interleaved: the baseline first at one N, the full selection first at the next.
            const order: Array<'full' | 'bare'> = rows.length % 4 === 0 ? ['bare', 'full'] : ['full', 'bare'];
            for (const selection of order) rows.push(await runCell({ system, router, db, seats, doctors, booker, patients, slot, seconds, smoke, log }, transport, n, selection));
          }
        } finally {
          await router.stop();
          await system.close();
        }
      }
    } finally {
      await db.$disconnect();
      await database.drop();
    }
    const notes = [
      `${seconds} s of bookings at ${EVENTS_PER_SECOND}/s per cell, through the router process (NODE_ENV=production, rate limits off); services and subgraphs in the bench process, subscribers in a worker thread.`,
      'Goals: full selection at N=1000: 0 lost, p99 ≤ 250 ms; event-only selection p99 ≤ 100 ms.',
      brokers ? 'Kafka at KAFKA_BROKERS.' : 'No KAFKA_BROKERS: the Kafka cells were skipped.',
    ];
    return { rows, notes, details: { ns, seconds, doctors: DOCTORS, mix: { doctor: 0.1, admin: 0.2, ward_staff: 0.7 } } };
  },
};
export default scenario;
