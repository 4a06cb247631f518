/**
 * Availability before authentication: a signed-in doctor's `{ me }` latency alone (baseline) and
 * while 20 anonymous clients send heavy documents in parallel: (a) ~100 KB of a few hundred
 * repeated fields with sub-selections, the red team's attack; (b) the most repeated fields that fit
 * the anonymous size and token bounds, which pass the size gate. Goal: p95 under flood below 100 ms.
 *
 * Quiet and flooded blocks alternate, so machine noise hits all alike. The router runs as its own
 * process (router/src/main.ts, as deployed) in front of the test system's subgraphs and services
 * (this process); the flood runs in a worker thread (bench/flood.ts). Per-address rate limits are
 * off, as for an attacker spread over many addresses: what is measured is what the router spends
 * on each anonymous document, not the rate limiter.
 *   npm run bench:flood    (FLOOD_ROUNDS=10 blocks of FLOOD_SAMPLES=40 each; FLOOD_CLIENTS=20)
 * Results: the table on stdout and bench/results/anonymous-flood.json.
 */
import { randomUUID } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg } from 'node:os';
import path from 'node:path';
import { createPrismaClient, seedDemoData } from '@hospital/db';
import { createTestDatabase } from '@hospital/db/testing';
import { startTestSystem } from '../router/test/e2e/system.ts';
import { duringFlood, type FloodReport } from './flood.ts';
import { startRouterProcess } from './router-process.ts';

const rounds = Number(process.env['FLOOD_ROUNDS'] ?? 10);
const samplesPerBlock = Number(process.env['FLOOD_SAMPLES'] ?? 40);
const clients = Number(process.env['FLOOD_CLIENTS'] ?? 20);

/** Repeated fields with sub-selections: the shape whose field-merge checks are quadratic. */
const HEAVY_UNIT = 'patients(first: 5) { totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id mrn givenName familyName fullName dateOfBirth sex phone email address } } } ';
const SMALL_UNIT = 'patients { edges { node { id } } } ';
const document = (unit: string, times: number) => JSON.stringify({ query: `query Flood { ${unit.repeat(times)}}` });
const FLOODS = [
  { name: '~100 KB documents', body: document(HEAVY_UNIT, Math.ceil(100_000 / HEAVY_UNIT.length)) },
  // 55 × 10 tokens: under the anonymous bounds (8 KB body, 4 KB document, 600 tokens).
  { name: 'largest anonymous-sized documents', body: document(SMALL_UNIT, 55) },
];

const database = await createTestDatabase({ serverUrl: process.env['TEST_DATABASE_URL'] || undefined });
const db = createPrismaClient(database.url);
await seedDemoData(db, { password: `bench-${randomUUID()}`, patientCount: 50 });
await db.$disconnect();
const system = await startTestSystem(database.url, { kafka: false });
const token = await system.tokenFor('doctor');
// Rate limits off: the doctor's own budget would refuse the measured { me } calls themselves.
const router = await startRouterProcess(system, { ROUTER_RATE_LIMIT_PER_IP: '0', ROUTER_RATE_LIMIT_PER_USER: '0' });

async function me(): Promise<number> {
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

/** One block of `{ me }` samples, with the router CPU time it took (flood included, if any). */
async function block(): Promise<{ samples: number[]; routerCpuMs: number }> {
  const cpuBefore = router.cpuMs();
  const samples: number[] = [];
  for (let i = 0; i < samplesPerBlock; i++) samples.push(await me());
  return { samples, routerCpuMs: router.cpuMs() - cpuBefore };
}

// Warm-up: JITs, pools, plan caches, the token's first verification.
for (let i = 0; i < 30; i++) await me();
const loadBefore = loadavg()[0]!;
const alone: number[] = [];
let aloneCpuMs = 0;
const flooded = FLOODS.map(() => ({ samples: [] as number[], statuses: {} as Record<string, number>, times: [] as number[], routerCpuMs: 0 }));
const merge = (into: (typeof flooded)[number], report: FloodReport) => {
  for (const [status, count] of Object.entries(report.statuses)) into.statuses[status] = (into.statuses[status] ?? 0) + count;
  into.times.push(...report.times);
};
for (let round = 0; round < rounds; round++) {
  const quietBlock = await block();
  alone.push(...quietBlock.samples);
  aloneCpuMs += quietBlock.routerCpuMs;
  for (const [i, flood] of FLOODS.entries()) {
    const [loudBlock, report] = await duringFlood({ url: router.url, body: flood.body, clients }, block);
    flooded[i]!.samples.push(...loudBlock.samples);
    // Only the measured block's CPU; the flood's 300 ms ramp-up is left out of both sides.
    flooded[i]!.routerCpuMs += loudBlock.routerCpuMs;
    merge(flooded[i]!, report);
  }
}

const quantile = (values: number[], q: number) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(q * values.length))] ?? Number.NaN;
const summary = (values: number[]) => ({ n: values.length, median: quantile(values, 0.5), p95: quantile(values, 0.95), p99: quantile(values, 0.99), max: Math.max(...values) });
const quiet = summary(alone);
// Router CPU per request: a `{ me }` alone, and an anonymous flood request (its block's CPU minus its `{ me }`s).
const cpuPerMe = aloneCpuMs / alone.length;
const scenarios = FLOODS.map((flood, i) => {
  const me = summary(flooded[i]!.samples);
  const f = flooded[i]!;
  // The flood ran a little longer than the block (ramp-up, stop): count its requests in proportion.
  const floodRequestsInBlocks = f.times.length * (f.samples.reduce((a, b) => a + b, 0) / (f.samples.reduce((a, b) => a + b, 0) + rounds * 300));
  return {
    routerCpuMsPerFloodRequest: (f.routerCpuMs - cpuPerMe * f.samples.length) / floodRequestsInBlocks,
    flood: flood.name,
    documentBytes: flood.body.length,
    meUnderFlood: me,
    p95Ratio: me.p95 / quiet.p95,
    floodAnswers: { byStatus: flooded[i]!.statuses, requests: flooded[i]!.times.length, medianMs: quantile(flooded[i]!.times, 0.5) },
    goalMet: me.p95 < 100,
  };
});
const results = {
  when: new Date().toISOString(),
  node: process.version,
  cpus: `${availableParallelism()} × ${cpus()[0]?.model ?? 'unknown'}`,
  // Other work on the machine: the 1-minute load average before and after the run.
  loadAverage: { before: loadBefore, after: loadavg()[0]! },
  settings: { rounds, samplesPerBlock, clients },
  meAlone: quiet,
  routerCpuMsPerMe: cpuPerMe,
  scenarios,
  goal: 'p95 of { me } under flood < 100 ms',
};

const ms = (value: number) => value.toFixed(1);
console.log(`\n${rounds} rounds of alternating blocks, ${samplesPerBlock} { me } per block; ${clients} anonymous clients; node ${process.version}, ${results.cpus}; load average ${loadBefore.toFixed(1)} → ${results.loadAverage.after.toFixed(1)}\n`);
console.log('| { me } as a signed-in doctor | median ms | p95 ms | p99 ms | max ms | p95 / alone | flood answers |\n|---|--:|--:|--:|--:|--:|---|');
console.log(`| alone (baseline) | ${ms(quiet.median)} | ${ms(quiet.p95)} | ${ms(quiet.p99)} | ${ms(quiet.max)} | 1.00× | |`);
for (const s of scenarios) {
  const answers = Object.entries(s.floodAnswers.byStatus).map(([status, count]) => `${count} × ${status}`).join(', ');
  console.log(`| under ${s.flood} (${s.documentBytes} B) | ${ms(s.meUnderFlood.median)} | ${ms(s.meUnderFlood.p95)} | ${ms(s.meUnderFlood.p99)} | ${ms(s.meUnderFlood.max)} | ${s.p95Ratio.toFixed(2)}× | ${answers}, median ${ms(s.floodAnswers.medianMs)} ms |`);
}
console.log(`\nRouter CPU per request: ${cpuPerMe.toFixed(2)} ms for a { me }; ${scenarios.map((s) => `${s.routerCpuMsPerFloodRequest.toFixed(2)} ms per ${s.flood} request`).join('; ')}.`);
console.log(`Goal p95 < 100 ms under flood: ${scenarios.every((s) => s.goalMet) ? 'met' : 'NOT met'}.`);

const out = path.join(import.meta.dirname, 'results');
mkdirSync(out, { recursive: true });
writeFileSync(path.join(out, 'anonymous-flood.json'), `${JSON.stringify(results, null, 2)}\n`);

await router.stop();
await system.close();
await database.drop();
