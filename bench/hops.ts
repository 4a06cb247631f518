/**
 * What each hop costs: the same patient search straight at the gRPC service (baseline), at the
 * subgraph over HTTP, and through the router with a real JWT; plus entity batching (100 patient
 * references through `_entities` against 1), and what the audit trail adds to each of them (the
 * one INSERT a page of 20 patients costs, measured alone). Variants run interleaved, round-robin, so machine
 * noise hits them alike; medians and p95 are reported with ratios to the baseline.
 *   npm run bench            (BENCH_ITERATIONS=300 by default; TEST_DATABASE_URL as for tests)
 */
import { randomUUID } from 'node:crypto';
import { createPatientsClient } from '@hospital/grpc-contracts';
import { createAuditLog, createPrismaClient, seedDemoData } from '@hospital/db';
import { createTestDatabase } from '@hospital/db/testing';
import { auditEntries, callMetadata, IDENTITY_HEADER, signIdentity } from '@hospital/service-kit';
import { startTestSystem } from '../router/test/e2e/system.ts';

const iterations = Number(process.env['BENCH_ITERATIONS'] ?? 300);
const database = await createTestDatabase({ serverUrl: process.env['TEST_DATABASE_URL'] || undefined });
const db = createPrismaClient(database.url);
await seedDemoData(db, { password: `bench-${randomUUID()}`, patientCount: 1000 });
const patientIds = (await db.patient.findMany({ select: { id: true }, take: 100 })).map((p) => p.id);
await db.$disconnect();

// No broker outside the test run: appointment events stay in PostgreSQL (not measured here).
const system = await startTestSystem(database.url, { kafka: false });
const token = await system.tokenFor('doctor');
const doctor = system.accounts.doctor;
const identity = signIdentity({ kind: 'user', userId: doctor.id, role: 'doctor', email: doctor.email }, system.internalSecret);
const grpc = createPatientsClient({ target: system.grpcTargets.patients });
// The audit rows a search page of 20 patients writes, as the patients service writes them.
const auditDb = createPrismaClient(database.url, { poolSize: 2 });
const audit = createAuditLog(auditDb);
const auditCall = { caller: { kind: 'user' as const, userId: doctor.id, role: 'doctor' as const, email: doctor.email }, origin: {}, requestId: 'bench', path: '/hospital.patients.v1.PatientsService/SearchPatients' };
const auditPage = auditEntries(auditCall, 'Patient', patientIds.slice(0, 20), { outcome: 'allowed' });

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

const variants: Array<[string, () => Promise<unknown>]> = [
  ['gRPC SearchPatients (baseline)', () => grpc.searchPatients({ search: 'Sm', page: { first: 20, after: '' } }, { metadata: callMetadata(identity, randomUUID()) })],
  ['subgraph patients query', () => post(system.subgraphUrls.patients, { query: SEARCH }, { [IDENTITY_HEADER]: identity })],
  ['router patients query', () => post(system.routerUrl, { query: SEARCH }, { authorization: `Bearer ${token}` })],
  ['subgraph _entities × 1', () => post(system.subgraphUrls.patients, entities(patientIds.slice(0, 1)), { [IDENTITY_HEADER]: identity })],
  ['audit trail INSERT of 20 rows alone', () => audit.record(auditPage)],
  ['subgraph _entities × 100', () => post(system.subgraphUrls.patients, entities(patientIds), { [IDENTITY_HEADER]: identity })],
];

const samples = new Map<string, number[]>(variants.map(([name]) => [name, []]));
for (let i = 0; i < iterations + 20; i++) {
  for (const [name, run] of variants) {
    const started = performance.now();
    await run();
    // The first 20 rounds warm up JITs, pools and plan caches.
    if (i >= 20) samples.get(name)!.push(performance.now() - started);
  }
}

const quantile = (values: number[], q: number) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(q * values.length))]!;
const baseline = quantile(samples.get(variants[0]![0])!, 0.5);
console.log(`\n${iterations} interleaved rounds, node ${process.version}\n`);
console.log('| variant | median ms | p95 ms | median / baseline |\n|---|--:|--:|--:|');
for (const [name] of variants) {
  const values = samples.get(name)!;
  const median = quantile(values, 0.5);
  console.log(`| ${name} | ${median.toFixed(2)} | ${quantile(values, 0.95).toFixed(2)} | ${(median / baseline).toFixed(2)}× |`);
}

grpc.close();
await auditDb.$disconnect();
await system.close();
await database.drop();

