/**
 * What the router's metrics and the system's traces cost: the same named patient search (a
 * safelisted operation, so the label lookup runs) through two routers over the same subgraphs,
 * identical but for `metrics` (Apollo plugin, metered subgraph fetch, WebSocket and refusal
 * counters). Three variants, interleaved in blocks round-robin so machine noise hits all alike:
 * metrics off and tracing off (the baseline), metrics on (tracing off: every tracing hook is one
 * boolean test), and metrics on with tracing on, sampled at 100 % and exported as OTLP/HTTP
 * protobuf to a local receiver that accepts and discards (so its decoding is not charged). Every
 * component runs in this one process, so tracing covers router, subgraph, gRPC and SQL spans, and
 * CPU per request (process user + system time of a block, the span export of that block included)
 * is the whole system's.
 *   npm run bench -- metrics-cost      (BENCH_ITERATIONS=500 by default)
 */
import { randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createLogger, startTracing, type RunningTracing } from '@hospital/service-kit';
import { createPrismaClient, seedDemoData } from '@hospital/db';
import { createTestDatabase } from '@hospital/db/testing';
import { DEFAULT_PERSISTED_MANIFEST_PATH } from '@hospital/router';
import { loadPersistedOperations, persistedOperationNamed } from '@hospital/router';
import { startRouter, type RouterConfig } from '@hospital/router';
import { startTestSystem } from '@hospital/test-support/system';
import type { Scenario } from '../lib/scenario.ts';
import { latencySummary, quantile, ratio } from '../lib/stats.ts';
import { routerConfigFor } from '@hospital/test-support/router-config';

async function post(url: string, body: unknown, token: string): Promise<void> {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify(body) });
  const json = (await response.json()) as { errors?: unknown };
  if (!response.ok || json.errors) throw new Error(`benchmark request failed: ${JSON.stringify(json)}`);
}

/** One router setting measured. */
interface Variant {
  name: string;
  url: string;
  tracing: boolean;
}

/** An OTLP/HTTP endpoint that reads and discards each export (counting them), answering 200. */
async function startDiscardingReceiver(): Promise<{ port: number; exports(): number; close(): Promise<void> }> {
  let bodies = 0;
  const server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      bodies += 1;
      res.writeHead(200, { 'content-type': 'application/x-protobuf' }).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    exports: () => bodies,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

const scenario: Scenario = {
  description: 'router with metrics on vs off, and tracing on (100 %, OTLP to a local receiver) vs off: one safelisted patient search, interleaved',
  async run({ smoke, serverUrl, log }) {
    const iterations = smoke ? 10 : Number(process.env['BENCH_ITERATIONS'] ?? 500);
    const warmup = smoke ? 2 : 50;
    const database = await createTestDatabase({ serverUrl });
    const db = createPrismaClient(database.url);
    await seedDemoData(db, { password: `bench-${randomUUID()}`, patientCount: smoke ? 100 : 1000 });
    await db.$disconnect();
    const persisted = loadPersistedOperations({ mode: 'allow', manifestPath: DEFAULT_PERSISTED_MANIFEST_PATH });
    const system = await startTestSystem(database.url, { kafka: false, persistedOperations: persisted });
    const config: RouterConfig = {
      ...routerConfigFor(system),
      production: false,
      persistedOperations: persisted,
      // Budgets out of the way: the benchmark sends far more than a user would.
      rateLimits: { perUser: 0, perIp: 0 },
      loadShed: { maxInFlight: 0 },
    };
    const logger = createLogger('bench', 'silent');
    const on = await startRouter(config, { logger, metrics: true });
    const off = await startRouter(config, { logger, metrics: false });
    try {
      const token = await system.tokenFor('doctor');
      const search = persistedOperationNamed(persisted.manifest, 'DoctorSearchPatients')!.document;
      const body = { query: search, variables: { search: 'Sm' } };
      const receiver = await startDiscardingReceiver();
      const tracesUrl = `http://127.0.0.1:${receiver.port}/v1/traces`;
      const variants: Variant[] = [
        { name: 'metrics off, tracing off (baseline)', url: off.url, tracing: false },
        { name: 'metrics on, tracing off', url: on.url, tracing: false },
        { name: 'metrics on, tracing on (100 %)', url: on.url, tracing: true },
      ];
      const samples = new Map<string, number[]>(variants.map((v) => [v.name, []]));
      const cpuMicros = new Map<string, number>(variants.map((v) => [v.name, 0]));
      const block = smoke ? 2 : 10;
      const rounds = Math.ceil(iterations / block);
      log(`${rounds} interleaved rounds of ${block} requests per variant after ${warmup} warm-up requests each`);
      for (let round = -Math.ceil(warmup / block); round < rounds; round++) {
        // Rotate which goes first, so none always follows another's cache effects.
        const order = variants.map((_, k) => variants[(k + (round + 3 * rounds)) % variants.length]!);
        for (const variant of order) {
          const measured = round >= 0;
          const cpu = process.cpuUsage();
          // Tracing is process-wide: turned on for this variant's block only, flushed (exported) inside it.
          const tracing: RunningTracing | undefined = variant.tracing ? startTracing({ serviceName: 'bench', tracesUrl, sampleRatio: 1 }) : undefined;
          for (let i = 0; i < block; i++) {
            const started = performance.now();
            await post(variant.url, body, token);
            if (measured) samples.get(variant.name)!.push(performance.now() - started);
          }
          await tracing?.close();
          const used = process.cpuUsage(cpu);
          if (measured) cpuMicros.set(variant.name, cpuMicros.get(variant.name)! + used.user + used.system);
        }
      }
      await receiver.close();
      const baseline = samples.get(variants[0]!.name)!;
      const baselineCpu = cpuMicros.get(variants[0]!.name)! / baseline.length;
      const rows = variants.map(({ name }) => {
        const summary = latencySummary(samples.get(name)!);
        const cpuPerRequest = cpuMicros.get(name)! / samples.get(name)!.length;
        return {
          variant: name,
          'CPU ms / request': Number((cpuPerRequest / 1000).toFixed(3)),
          'CPU / baseline': ratio(cpuPerRequest, baselineCpu),
          'median ms': summary.p50,
          'p95 ms': summary.p95,
          'p99 ms': summary.p99,
          'median / baseline': ratio(quantile(samples.get(name)!, 0.5), quantile(baseline, 0.5)),
          'p95 / baseline': ratio(summary.p95, latencySummary(baseline).p95),
          'OTLP exports received': name.includes('tracing on') ? receiver.exports() : 0,
        };
      });
      const load = (await import('node:os'))
        .loadavg()
        .map((l) => l.toFixed(1))
        .join(' ');
      return {
        rows,
        notes: [
          `${rounds} interleaved rounds of ${block} requests per variant, node ${process.version}, load average ${load} (shared machine: other engineers' builds and tests were running).`,
        ],
      };
    } finally {
      await on.close();
      await off.close();
      await system.close();
      await database.drop();
    }
  },
};
export default scenario;
