/**
 * Router overhead: our router (every safeguard on, NODE_ENV=production, its own process) against
 * stock `@apollo/gateway` (its own process, Apollo's default data source forwarding a signed
 * identity, nothing else) and Hive Gateway (`@graphql-hive/gateway-runtime`, its own process,
 * in-flight de-duplication off, the same identity forwarding) over the same running subgraphs and services, on three operations the
 * doctor's web dashboard sends: today's schedule, a patient search, a patient chart. Closed loops
 * of 50 and 10 connections; variants interleaved round by round (order alternating), so machine
 * noise hits both alike. Per cell: RPS, p50/p95/p99, errors, router CPU ms per request (from
 * /proc), RSS; notes give ours/stock ratios (medians over rounds).
 *   npm run bench -- router                    (BENCH_ROUTER_SECONDS=8, BENCH_ROUTER_ROUNDS=2)
 *   npm run bench -- router -- --profile       (also writes the router's .cpuprofile to a temporary folder it names)
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { createPrismaClient, seedDemoData } from '@hospital/db';
import { createTestDatabase } from '@hospital/db/testing';
import { startTestSystem } from '@hospital/test-support/system';
import { startNodeProcess, startRouterProcess, type RouterProcess } from '../router-process.ts';
import { closedLoop } from '../lib/closed-loop.ts';
import { ROUTER_OPERATIONS, signInAs, todayRange, type RouterOperation } from '../lib/router-operations.ts';
import type { Scenario, ScenarioRow } from '../lib/scenario.ts';
import { latencySummary, quantile, ratio } from '../lib/stats.ts';

interface Cell {
  op: string;
  connections: number;
  gateway: 'ours' | 'stock' | 'hive';
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  errors: number;
  cpuMsPerRequest: number;
  rssMiB: number;
  errorSamples: string[];
}

async function measure(
  gateway: RouterProcess,
  name: Cell['gateway'],
  op: RouterOperation,
  bodies: string[],
  connections: number,
  token: string,
  timing: { warmupMs: number; durationMs: number },
): Promise<Cell> {
  let cpuAtStart = 0;
  const report = await closedLoop({ url: gateway.url, headers: { authorization: `Bearer ${token}` }, bodies, connections, ...timing }, () => {
    cpuAtStart = gateway.cpuMs();
  });
  const cpu = gateway.cpuMs() - cpuAtStart;
  const latency = latencySummary(report.times);
  return {
    op: op.name,
    connections,
    gateway: name,
    rps: Math.round((report.completed / report.windowMs) * 10_000) / 10,
    ...latency,
    errors: report.errors,
    // Per answered request: refusals (503 when shedding) are cheap and must not dilute the figure.
    cpuMsPerRequest: report.completed > report.errors ? Math.round((cpu / (report.completed - report.errors)) * 100) / 100 : Number.NaN,
    rssMiB: gateway.rssMiB(),
    errorSamples: report.errorSamples,
  };
}

const median = (values: number[]) => quantile(values, 0.5);
/** The seeded demo doctor, whose schedule is full today. */
const DOCTOR_EMAIL = 'doctor@hospital.local';

const scenario: Scenario = {
  description: 'our router vs stock @apollo/gateway vs Hive Gateway on the same subgraphs: dashboard, search, chart at 50 and 10 connections, interleaved',
  async run({ smoke, args, serverUrl, log }) {
    const seconds = smoke ? 0.6 : Number(process.env['BENCH_ROUTER_SECONDS'] ?? 8);
    const rounds = smoke ? 1 : Number(process.env['BENCH_ROUTER_ROUNDS'] ?? 2);
    const connectionCounts = smoke ? [10] : [50, 10];
    const timing = { warmupMs: smoke ? 200 : 1_500, durationMs: seconds * 1000 };
    const profileDir = args.includes('--profile') ? mkdtempSync(path.join(tmpdir(), 'router-profile-')) : undefined;
    if (profileDir) log(`the router's CPU profile goes to ${profileDir}`);

    const started = performance.now();
    const database = await createTestDatabase({ serverUrl });
    const password = `bench-${randomUUID()}`;
    const db = createPrismaClient(database.url);
    // Seeding and starting the system overlap (the system's own accounts do not touch the demo data).
    const seeded = seedDemoData(db, { password, patientCount: smoke ? 100 : 2_000 })
      .then(() => db.user.findUniqueOrThrow({ where: { email: DOCTOR_EMAIL } }))
      .finally(() => db.$disconnect());
    // Awaited below; a failure meanwhile must not crash the run as an unhandled rejection.
    seeded.catch(() => undefined);
    // Services and subgraphs run in this process; the two gateways in their own.
    const system = await startTestSystem(database.url, { kafka: false, production: true });
    const processes: RouterProcess[] = [];
    try {
      const doctor = await seeded;
      log(`seeded and system up after ${Math.round(performance.now() - started)} ms`);
      const caller = { kind: 'user' as const, userId: doctor.id, role: 'doctor' as const, email: doctor.email };
      const baselineEnv = {
        NODE_ENV: 'production',
        STOCK_SUPERGRAPH_PATH: path.resolve(import.meta.dirname, '../../router/supergraph.graphql'),
        STOCK_SUBGRAPH_URLS: JSON.stringify(system.subgraphUrls),
        INTERNAL_SECRET: system.internalSecret,
        STOCK_CALLER: JSON.stringify(caller),
      };
      const [ours, stock, hive] = await Promise.all([
        startRouterProcess(
          system,
          // Budgets far above the load: the limiter still counts every request, it never refuses one;
          // likewise load shedding runs with a fixed limit above the 50 connections, so it admits
          // everything (the overload scenario measures shedding itself).
          {
            NODE_ENV: 'production',
            ROUTER_RATE_LIMIT_PER_USER: '1000000000',
            ROUTER_RATE_LIMIT_PER_IP: '1000000000',
            ROUTER_MAX_IN_FLIGHT: '64',
            ROUTER_TARGET_LATENCY_MS: '0',
          },
          profileDir ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : [],
        ),
        startNodeProcess(path.resolve(import.meta.dirname, '../lib/router-stock-gateway.ts'), baselineEnv, { ready: 'Stock gateway ready at' }),
        startNodeProcess(path.resolve(import.meta.dirname, '../lib/router-hive-gateway.ts'), baselineEnv, { ready: 'Hive gateway ready at' }),
      ]);
      processes.push(ours, stock, hive);
      const { token } = await signInAs(ours.url, DOCTOR_EMAIL, password);
      const gateways = { ours, stock, hive };
      log(`system and both gateways up after ${Math.round(performance.now() - started)} ms`);
      const prepared = await Promise.all(ROUTER_OPERATIONS.map(async (op) => ({ op, bodies: await op.bodies({ url: ours.url, token, range: todayRange() }) })));
      // Both must answer an operation before it is timed; one that fails (the system, not a
      // gateway) is left out and said so, rather than measured as errors.
      const operations: typeof prepared = [];
      const skipped: string[] = [];
      for (const entry of prepared) {
        const failures: string[] = [];
        for (const [name, gateway] of Object.entries(gateways)) {
          const check = await closedLoop(
            { url: gateway.url, headers: { authorization: `Bearer ${token}` }, bodies: entry.bodies.slice(0, 1), connections: 1, warmupMs: 0, durationMs: smoke ? 50 : 200 },
            () => undefined,
          );
          if (check.errors > 0 || check.completed === 0) failures.push(`${name}: ${check.errorSamples[0] ?? 'no answer'}`);
        }
        if (failures.length === 0) operations.push(entry);
        else skipped.push(`${entry.op.name} left out (${failures.join('; ').slice(0, 300)})`);
      }
      for (const line of skipped) log(line);
      if (operations.length === 0) throw new Error(`no operation answers: ${skipped.join(' | ')}`);
      const cells: Cell[] = [];
      for (let round = 0; round < rounds; round++) {
        for (const connections of connectionCounts) {
          for (const { op, bodies } of operations) {
            const order: Cell['gateway'][] = round % 2 === 0 ? ['ours', 'stock', 'hive'] : ['hive', 'stock', 'ours'];
            for (const name of order) {
              const cell = await measure(gateways[name], name, op, bodies, connections, token, timing);
              log(
                `round ${round + 1}/${rounds} ${op.name} ×${connections} ${name}: ${cell.rps} RPS, p95 ${cell.p95} ms, ${cell.cpuMsPerRequest} CPU ms/req, ${cell.errors} errors`,
              );
              cells.push(cell);
            }
          }
        }
      }
      const result = summarise(cells, { rounds, seconds, connectionCounts });
      return { ...result, notes: [...skipped, ...result.notes] };
    } finally {
      for (const child of processes.reverse()) await child.stop();
      await system.close();
      await database.drop();
    }
  },
};

function summarise(cells: Cell[], settings: { rounds: number; seconds: number; connectionCounts: number[] }) {
  const rows: ScenarioRow[] = [];
  const notes: string[] = [];
  for (const connections of settings.connectionCounts) {
    for (const op of ROUTER_OPERATIONS) {
      if (!cells.some((c) => c.op === op.name)) continue;
      const of = (gateway: Cell['gateway']) => cells.filter((c) => c.op === op.name && c.connections === connections && c.gateway === gateway);
      const summary = (gateway: Cell['gateway']) => {
        const list = of(gateway);
        return {
          rps: median(list.map((c) => c.rps)),
          p50: median(list.map((c) => c.p50)),
          p95: median(list.map((c) => c.p95)),
          p99: median(list.map((c) => c.p99)),
          errors: list.reduce((sum, c) => sum + c.errors, 0),
          cpu: median(list.map((c) => c.cpuMsPerRequest)),
          rss: Math.max(...list.map((c) => c.rssMiB)),
        };
      };
      const ours = summary('ours');
      const stock = summary('stock');
      const hive = summary('hive');
      for (const [gateway, s] of [
        ['ours', ours],
        ['stock @apollo/gateway', stock],
        ['Hive Gateway, no de-duplication', hive],
      ] as const) {
        rows.push({
          op: op.name,
          conns: connections,
          gateway,
          RPS: s.rps,
          'p50 ms': s.p50,
          'p95 ms': s.p95,
          'p99 ms': s.p99,
          errors: s.errors,
          'router CPU ms/req': s.cpu,
          'RSS MiB': s.rss,
        });
      }
      notes.push(
        `${op.name} ×${connections}: ours/stock RPS ${ratio(ours.rps, stock.rps)}, router CPU per request ${ratio(ours.cpu, stock.cpu)} (goal ≤ 0.50×); Hive/stock CPU per request ${ratio(hive.cpu, stock.cpu)}, ours/Hive ${ratio(ours.cpu, hive.cpu)}`,
      );
    }
  }
  const samples = [...new Set(cells.flatMap((c) => c.errorSamples.map((sample) => `${c.gateway}: ${sample}`)))].slice(0, 5);
  if (samples.length > 0) notes.push(`error samples: ${samples.join(' | ')}`);
  notes.push(
    `${settings.rounds} interleaved round(s) of ${settings.seconds} s per cell (medians over rounds), node ${process.version}; services and subgraphs share the bench process; each gateway is its own process (CPU from /proc).`,
  );
  return { rows, notes, details: { cells, settings } };
}

export default scenario;
