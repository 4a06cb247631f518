/**
 * Availability before authentication: a signed-in doctor's `{ me }` latency alone (baseline) and
 * while anonymous clients send heavy documents in a closed loop: (a) ~100 KB of a few hundred
 * repeated fields with sub-selections, the red team's attack; (b) the most repeated fields that fit
 * the anonymous size and token bounds, which pass the size gate. Goal: p95 under flood below 100 ms.
 *
 * Quiet and flooded blocks alternate, so machine noise hits all alike. The router runs as its own
 * process (router/src/main.ts, as deployed) in front of the test system's subgraphs and services
 * (this process); the flood runs in a worker thread (bench/lib/closed-loop.ts). Per-address rate
 * limits are off, as for an attacker spread over many addresses: what is measured is what the
 * router spends on each anonymous document, not the rate limiter.
 *   npm run bench -- flood    (FLOOD_ROUNDS=10 blocks of FLOOD_SAMPLES=40 each; FLOOD_CLIENTS=20)
 */
import { randomUUID } from 'node:crypto';
import { createPrismaClient, seedDemoData } from '@hospital/db';
import { createTestDatabase } from '@hospital/db/testing';
import { startTestSystem } from '@hospital/test-support/system';
import { startRouterProcess, type RouterProcess } from '../router-process.ts';
import type { Scenario, ScenarioRow } from '../lib/scenario.ts';
import { latencySummary, ratio } from '../lib/stats.ts';
import { closedLoop, mergeStatusReports, type StatusReport } from '../lib/closed-loop.ts';

/** Repeated fields with sub-selections: the shape whose field-merge checks are quadratic. */
const HEAVY_UNIT =
  'patients(first: 5) { totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id mrn givenName familyName fullName dateOfBirth sex phone email address } } } ';
const SMALL_UNIT = 'patients { edges { node { id } } } ';
const document = (unit: string, times: number) => JSON.stringify({ query: `query Flood { ${unit.repeat(times)}}` });
const FLOODS = [
  { name: '~100 KB documents', body: document(HEAVY_UNIT, Math.ceil(100_000 / HEAVY_UNIT.length)) },
  // 55 × 10 tokens: under the anonymous bounds (8 KB body, 4 KB document, 600 tokens).
  { name: 'largest anonymous-sized documents', body: document(SMALL_UNIT, 55) },
];
const FLOOD_WARMUP_MS = 300;

/**
 * One `{ me }` as the doctor, its latency in ms.
 * @param router - the router process
 * @param token - the doctor's access token
 */
async function me(router: RouterProcess, token: string): Promise<number> {
  const started = performance.now();
  const response = await fetch(router.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: '{"query":"{ me { id email role } }"}',
  });
  const json = (await response.json()) as { errors?: unknown };
  if (!response.ok || json.errors) throw new Error(`{ me } failed: ${response.status} ${JSON.stringify(json)}`);
  return performance.now() - started;
}

const scenario: Scenario = {
  description: "a signed-in doctor's { me } alone and under anonymous floods of heavy documents (router process), blocks interleaved",
  async run({ smoke, serverUrl, log }) {
    const rounds = smoke ? 1 : Number(process.env['FLOOD_ROUNDS'] ?? 10);
    const samplesPerBlock = smoke ? 10 : Number(process.env['FLOOD_SAMPLES'] ?? 40);
    const clients = smoke ? 5 : Number(process.env['FLOOD_CLIENTS'] ?? 20);
    const database = await createTestDatabase({ serverUrl });
    const db = createPrismaClient(database.url);
    await seedDemoData(db, { password: `bench-${randomUUID()}`, patientCount: 50 });
    await db.$disconnect();
    const system = await startTestSystem(database.url, { kafka: false });
    let router: RouterProcess | undefined;
    try {
      const token = await system.tokenFor('doctor');
      // Rate limits off: the doctor's own budget would refuse the measured { me } calls themselves.
      router = await startRouterProcess(system, { ROUTER_RATE_LIMIT_PER_IP: '0', ROUTER_RATE_LIMIT_PER_USER: '0' });
      const running = router;
      for (let i = 0; i < (smoke ? 5 : 30); i++) await me(running, token);
      const alone: number[] = [];
      let aloneCpuMs = 0;
      const flooded = FLOODS.map(() => ({ samples: [] as number[], cpuMs: 0, report: undefined as StatusReport | undefined }));
      for (let round = 0; round < rounds; round++) {
        const cpuBefore = running.cpuMs();
        const blockStarted = performance.now();
        for (let i = 0; i < samplesPerBlock; i++) alone.push(await me(running, token));
        aloneCpuMs += running.cpuMs() - cpuBefore;
        // A flooded block lasts as long as the quiet one took (at least a second).
        const blockMs = Math.max(1_000, performance.now() - blockStarted);
        for (const [i, flood] of FLOODS.entries()) {
          const report = closedLoop({ url: running.url, headers: {}, bodies: [flood.body], connections: clients, warmupMs: FLOOD_WARMUP_MS, durationMs: blockMs });
          await new Promise((resolve) => setTimeout(resolve, FLOOD_WARMUP_MS));
          const cpuAtStart = running.cpuMs();
          let done = false;
          const finished = report.then((r) => ((done = true), r));
          while (!done) flooded[i]!.samples.push(await me(running, token));
          flooded[i]!.cpuMs += running.cpuMs() - cpuAtStart;
          const answers = await finished;
          flooded[i]!.report = flooded[i]!.report ? mergeStatusReports(flooded[i]!.report, answers) : answers;
        }
        log(`round ${round + 1}/${rounds} done`);
      }
      const quiet = latencySummary(alone);
      const cpuPerMe = aloneCpuMs / alone.length;
      const rows: ScenarioRow[] = [
        {
          variant: 'alone (baseline)',
          'me p50 ms': quiet.p50,
          'me p95 ms': quiet.p95,
          'me p99 ms': quiet.p99,
          'p95 / alone': '1.00×',
          'flood answers': '',
          'router CPU ms per flood request': '',
        },
      ];
      const notes: string[] = [];
      for (const [i, flood] of FLOODS.entries()) {
        const { samples, cpuMs, report } = flooded[i]!;
        const summary = latencySummary(samples);
        const requests = Object.values(report!.statuses).reduce((sum, count) => sum + count, 0);
        const answers = Object.entries(report!.statuses)
          .map(([status, count]) => `${count} × ${status}`)
          .join(', ');
        const floodMedian = latencySummary([...report!.admittedTimes, ...report!.refusedTimes]).p50;
        rows.push({
          variant: `under ${flood.name} (${flood.body.length} B)`,
          'me p50 ms': summary.p50,
          'me p95 ms': summary.p95,
          'me p99 ms': summary.p99,
          'p95 / alone': ratio(summary.p95, quiet.p95),
          'flood answers': `${answers}, median ${floodMedian} ms`,
          'router CPU ms per flood request': requests > 0 ? Math.round(((cpuMs - cpuPerMe * samples.length) / requests) * 100) / 100 : '–',
        });
        notes.push(`under ${flood.name}: goal p95 < 100 ms ${summary.p95 < 100 ? 'met' : 'NOT met'} (${summary.p95} ms)`);
      }
      notes.push(
        `${rounds} round(s) of alternating blocks, ${samplesPerBlock} { me } per quiet block; ${clients} anonymous clients; router CPU ${cpuPerMe.toFixed(2)} ms per { me }; node ${process.version}.`,
      );
      return { rows, notes, details: { settings: { rounds, samplesPerBlock, clients }, routerCpuMsPerMe: cpuPerMe } };
    } finally {
      await router?.stop();
      await system.close();
      await database.drop();
    }
  },
};

export default scenario;
