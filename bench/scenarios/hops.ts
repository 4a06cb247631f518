/**
 * What each hop costs: the same patient search straight at the gRPC service (baseline), at the
 * subgraph over HTTP, and through the router with a real JWT; plus entity batching (100 patient
 * references through `_entities` against 1), and what the audit trail adds (the one INSERT a page
 * of 20 patients costs, measured alone). Variants run interleaved, round-robin, so machine noise
 * hits them alike; medians and p95/p99 with ratios to the baseline.
 *   npm run bench -- hops      (BENCH_ITERATIONS=300 by default)
 */
import { randomUUID } from 'node:crypto';
import { createPatientsClient } from '@hospital/grpc-contracts';
import { createAuditLog, createPrismaClient, seedDemoData } from '@hospital/db';
import { createTestDatabase } from '@hospital/db/testing';
import { auditEntries, IDENTITY_HEADER, signIdentity } from '@hospital/service-kit';
import { callMetadata } from '@hospital/service-kit/grpc';
import { startTestSystem } from '@hospital/test-support/system';
import type { Scenario } from '../lib/scenario.ts';
import { latencySummary, quantile, ratio } from '../lib/stats.ts';

const SEARCH = '{ patients(search: "Sm", first: 20) { totalCount edges { node { id mrn fullName } } } }';
const entities = (ids: string[]) => ({
  query: 'query($r: [_Any!]!) { _entities(representations: $r) { ... on Patient { id mrn fullName } } }',
  variables: { r: ids.map((id) => ({ __typename: 'Patient', id })) },
});

async function post(url: string, body: unknown, headers: Record<string, string>): Promise<void> {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
  const json = (await response.json()) as { errors?: unknown };
  if (!response.ok || json.errors) throw new Error(`benchmark request failed: ${JSON.stringify(json)}`);
}

const scenario: Scenario = {
  description: 'one patient search at each hop (gRPC, subgraph, router), entity batching and the audit INSERT, interleaved',
  async run({ smoke, serverUrl, log }) {
    const iterations = smoke ? 10 : Number(process.env['BENCH_ITERATIONS'] ?? 300);
    const warmup = smoke ? 2 : 20;
    const database = await createTestDatabase({ serverUrl });
    const db = createPrismaClient(database.url);
    await seedDemoData(db, { password: `bench-${randomUUID()}`, patientCount: smoke ? 100 : 1000 });
    const patientIds = (await db.patient.findMany({ select: { id: true }, take: 100 })).map((p) => p.id);
    await db.$disconnect();
    // No broker: appointment events stay in PostgreSQL (not measured here).
    const system = await startTestSystem(database.url, { kafka: false });
    const grpc = createPatientsClient({ target: system.grpcTargets.patients });
    const auditDb = createPrismaClient(database.url, { poolSize: 2 });
    try {
      const token = await system.tokenFor('doctor');
      const doctor = system.accounts.doctor;
      const caller = { kind: 'user' as const, userId: doctor.id, role: 'doctor' as const, email: doctor.email };
      const identity = signIdentity(caller, system.internalSecret);
      const audit = createAuditLog(auditDb);
      const auditPage = auditEntries({ caller, origin: {}, requestId: 'bench', path: '/hospital.patients.v1.PatientsService/SearchPatients' }, 'Patient', patientIds.slice(0, 20), {
        outcome: 'allowed',
      });
      const variants: Array<[string, () => Promise<unknown>]> = [
        ['gRPC SearchPatients (baseline)', () => grpc.searchPatients({ search: 'Sm', page: { first: 20, after: '' } }, { metadata: callMetadata(identity, randomUUID()) })],
        ['subgraph patients query', () => post(system.subgraphUrls.patients, { query: SEARCH }, { [IDENTITY_HEADER]: identity })],
        ['router patients query', () => post(system.routerUrl, { query: SEARCH }, { authorization: `Bearer ${token}` })],
        ['subgraph _entities × 1', () => post(system.subgraphUrls.patients, entities(patientIds.slice(0, 1)), { [IDENTITY_HEADER]: identity })],
        ['audit trail INSERT of 20 rows alone', () => audit.record(auditPage)],
        ['subgraph _entities × 100', () => post(system.subgraphUrls.patients, entities(patientIds), { [IDENTITY_HEADER]: identity })],
      ];
      const samples = new Map<string, number[]>(variants.map(([name]) => [name, []]));
      log(`${iterations} interleaved rounds after ${warmup} warm-up rounds`);
      for (let i = 0; i < iterations + warmup; i++) {
        for (const [name, call] of variants) {
          const started = performance.now();
          await call();
          if (i >= warmup) samples.get(name)!.push(performance.now() - started);
        }
      }
      const baseline = quantile(samples.get(variants[0]![0])!, 0.5);
      const rows = variants.map(([name]) => {
        const summary = latencySummary(samples.get(name)!);
        return { variant: name, 'median ms': summary.p50, 'p95 ms': summary.p95, 'p99 ms': summary.p99, 'median / baseline': ratio(quantile(samples.get(name)!, 0.5), baseline) };
      });
      return { rows, notes: [`${iterations} interleaved rounds, node ${process.version}; every safeguard on (audit rows, rate limits, cost, safelist).`] };
    } finally {
      grpc.close();
      await auditDb.$disconnect();
      await system.close();
      await database.drop();
    }
  },
};
export default scenario;
