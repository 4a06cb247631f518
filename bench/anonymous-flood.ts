/**
 * Availability before authentication: a signed-in doctor's `{ me }` latency alone (baseline) and
 * while 20 anonymous clients send heavy documents in parallel (a few hundred repeated fields with
 * sub-selections, about 100 KB each). Goal: p95 under flood below 100 ms.
 *
 * Quiet and flooded blocks alternate, so machine noise hits both alike. The router runs as its own
 * process (router/src/main.ts, as deployed) in front of the test system's subgraphs and services
 * (this process); the flood runs in a worker thread (its own event loop, like a client elsewhere).
 * Per-address rate limits are off, as for an attacker spread over many addresses: what is
 * measured is what the router spends on each anonymous document, not the rate limiter.
 *   npm run bench:flood    (FLOOD_ROUNDS=10 blocks of FLOOD_SAMPLES=40 each; FLOOD_CLIENTS=20)
 * Results: the table on stdout and bench/results/anonymous-flood.json.
 */
import { randomUUID } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg } from 'node:os';
import { performance as perf } from 'node:perf_hooks';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { createPrismaClient, seedDemoData } from '@hospital/db';
import { createTestDatabase } from '@hospital/db/testing';
import { startTestSystem } from '../router/test/e2e/system.ts';
import { startRouterProcess } from './router-process.ts';

const rounds = Number(process.env['FLOOD_ROUNDS'] ?? 10);
const samplesPerBlock = Number(process.env['FLOOD_SAMPLES'] ?? 40);
const clients = Number(process.env['FLOOD_CLIENTS'] ?? 20);

/** The attack document: repeated fields with sub-selections, the shape whose merge checks are quadratic. */
const UNIT = 'patients(first: 5) { totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id mrn givenName familyName fullName dateOfBirth sex phone email address } } } ';
const HEAVY = JSON.stringify({ query: `query Flood { ${UNIT.repeat(Math.ceil(100_000 / UNIT.length))}}` });

const database = await createTestDatabase({ serverUrl: process.env['TEST_DATABASE_URL'] || undefined });
const db = createPrismaClient(database.url);
await seedDemoData(db, { password: `bench-${randomUUID()}`, patientCount: 50 });
await db.$disconnect();
const system = await startTestSystem(database.url, { kafka: false });
const token = await system.tokenFor('doctor');
const router = await startRouterProcess(system, { ROUTER_RATE_LIMIT_PER_IP: '0' });

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

/**
 * The flooding worker: `clients` loops over keep-alive connections (node:http with one prebuilt
 * body, so the attacker's own CPU stays small), each posting HEAVY anonymously until told to stop;
 * reports the answers by status and how long each took.
 */
const FLOOD_WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
const http = require('node:http');
const agent = new http.Agent({ keepAlive: true, maxSockets: workerData.clients });
const body = Buffer.from(workerData.body);
let running = true;
const statuses = {};
const times = [];
parentPort.on('message', () => { running = false; });
function once() {
  return new Promise((resolve) => {
    const req = http.request(workerData.url, { method: 'POST', agent, headers: { 'content-type': 'application/json', 'content-length': body.length } }, (res) => {
      res.resume();
      res.on('end', () => resolve(String(res.statusCode)));
    });
    req.on('error', (error) => resolve(error.code ?? 'error'));
    req.end(body);
  });
}
async function loop() {
  while (running) {
    const started = performance.now();
    const status = await once();
    statuses[status] = (statuses[status] ?? 0) + 1;
    times.push(performance.now() - started);
  }
}
Promise.all(Array.from({ length: workerData.clients }, loop)).then(() => { agent.destroy(); parentPort.postMessage({ statuses, times }); });
`;

interface FloodReport {
  statuses: Record<string, number>;
  times: number[];
}

/** How busy this thread (the subgraphs' and services' event loop) was during `work`, 0–1. */
async function busy<T>(work: () => Promise<T>): Promise<[T, number]> {
  const before = perf.eventLoopUtilization();
  const result = await work();
  return [result, perf.eventLoopUtilization(before).utilization];
}

async function underFlood<T>(work: () => Promise<T>): Promise<[T, FloodReport]> {
  const worker = new Worker(FLOOD_WORKER, { eval: true, workerData: { url: router.url, body: HEAVY, clients } });
  // Let the flood reach full speed before measuring.
  await new Promise((resolve) => setTimeout(resolve, 300));
  const result = await work();
  const report = new Promise<FloodReport>((resolve) => worker.once('message', resolve));
  worker.postMessage('stop');
  const flood = await report;
  await worker.terminate();
  return [result, flood];
}

async function block(): Promise<number[]> {
  const samples: number[] = [];
  for (let i = 0; i < samplesPerBlock; i++) samples.push(await me());
  return samples;
}

// Warm-up: JITs, pools, plan caches, the token's first verification.
for (let i = 0; i < 30; i++) await me();
const alone: number[] = [];
const flooded: number[] = [];
const floodStatuses: Record<string, number> = {};
const floodTimes: number[] = [];
const utilisation = { alone: [] as number[], flooded: [] as number[] };
const loadBefore = loadavg();
for (let round = 0; round < rounds; round++) {
  const [quietSamples, quietBusy] = await busy(block);
  alone.push(...quietSamples);
  utilisation.alone.push(quietBusy);
  const [[samples, floodBusy], flood] = await underFlood(() => busy(block));
  flooded.push(...samples);
  utilisation.flooded.push(floodBusy);
  for (const [status, count] of Object.entries(flood.statuses)) floodStatuses[status] = (floodStatuses[status] ?? 0) + count;
  floodTimes.push(...flood.times);
}

function quantileOf(values: number[], q: number): number {
  return [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(q * values.length))] ?? Number.NaN;
}
const quantile = (values: number[], q: number) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(q * values.length))]!;
const summary = (values: number[]) => ({ n: values.length, median: quantile(values, 0.5), p95: quantile(values, 0.95), p99: quantile(values, 0.99), max: Math.max(...values) });
const quiet = summary(alone);
const loud = summary(flooded);
const results = {
  when: new Date().toISOString(),
  node: process.version,
  cpus: `${availableParallelism()} × ${cpus()[0]?.model ?? 'unknown'}`,
  // Other work on the machine: the 1-minute load average before and after the run.
  loadAverage: { before: loadBefore[0], after: loadavg()[0] },
  // Event-loop utilisation of the thread running subgraphs and services, median over blocks.
  systemThreadBusy: { alone: quantileOf(utilisation.alone, 0.5), underFlood: quantileOf(utilisation.flooded, 0.5) },
  settings: { rounds, samplesPerBlock, clients, documentBytes: HEAVY.length, repeatedFields: Math.ceil(100_000 / UNIT.length) },
  meAlone: quiet,
  meUnderFlood: loud,
  p95Ratio: loud.p95 / quiet.p95,
  flood: { answersByStatus: floodStatuses, requests: floodTimes.length, answerMs: summary(floodTimes) },
  goal: { p95UnderFloodMs: 100, met: loud.p95 < 100 },
};

const ms = (value: number) => value.toFixed(1);
console.log(`\n${rounds} alternating blocks of ${samplesPerBlock} { me } each; ${clients} anonymous clients, ${HEAVY.length} bytes per document; node ${process.version}, ${results.cpus}\n`);
console.log('| { me } as a signed-in doctor | median ms | p95 ms | p99 ms | max ms | p95 / alone |\n|---|--:|--:|--:|--:|--:|');
console.log(`| alone (baseline) | ${ms(quiet.median)} | ${ms(quiet.p95)} | ${ms(quiet.p99)} | ${ms(quiet.max)} | 1.00× |`);
console.log(`| under the anonymous flood | ${ms(loud.median)} | ${ms(loud.p95)} | ${ms(loud.p99)} | ${ms(loud.max)} | ${results.p95Ratio.toFixed(2)}× |`);
console.log(`\nSubgraph/service thread busy: ${(results.systemThreadBusy.alone * 100).toFixed(0)} % alone, ${(results.systemThreadBusy.underFlood * 100).toFixed(0)} % under flood; load average ${loadBefore[0]!.toFixed(1)} → ${results.loadAverage.after!.toFixed(1)}.`);
console.log(`Flood: ${floodTimes.length} requests, answers ${JSON.stringify(floodStatuses)}, median ${ms(results.flood.answerMs.median)} ms each.`);
console.log(`Goal p95 < 100 ms under flood: ${results.goal.met ? 'met' : 'NOT met'}.`);

const out = path.join(import.meta.dirname, 'results');
mkdirSync(out, { recursive: true });
writeFileSync(path.join(out, 'anonymous-flood.json'), `${JSON.stringify(results, null, 2)}\n`);

await router.stop();
await system.close();
await database.drop();
