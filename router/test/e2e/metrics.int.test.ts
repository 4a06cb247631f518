/**
 * A real Prometheus (Debian's `prometheus` package) scrapes the running system after a scripted
 * workload (sign in, search, book, one hostile operation name, one refused request), then its HTTP
 * API is asked for the named series: they exist with plausible values, and no label carries
 * anything outside its fixed set. The alert rules are loaded too and must evaluate cleanly.
 * Without Prometheus this test fails with the install command (it never skips).
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { readFileSync } from 'node:fs';
import type { Client } from 'graphql-ws';
import { routerWsClient } from '../support/router-ws-client.ts';
import { parse as parseYaml } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabaseUrl } from '../../../test/helpers.ts';
import { startOutboxMetrics, type OutboxMetrics } from '../../../grpc-internal/services/appointments/src/outbox/outbox-metrics.ts';
import { DEFAULT_PERSISTED_MANIFEST_PATH } from '../../src/env.ts';
import { knownOperationNames } from '../../src/metrics-labels.ts';
import { loadPersistedOperations, persistedOperationNamed } from '../../src/persisted-operations.ts';
import { appointmentFixtures } from './appointment-fixtures.ts';
import { dashboardFiles } from '../../../scripts/k8s/observability/dashboards.ts';
import { expressionsOf } from '../../../scripts/k8s/observability/grafana.ts';
import type { TestSystem } from '@hospital/test-support/system';
import { systemForFile } from '../support/system-database.ts';
import { freePort } from '@hospital/service-kit';
import { dataOf } from './ward-fixtures.ts';

const ALERTS = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../k8s/observability/alerts.yml');
const persisted = loadPersistedOperations({ mode: 'allow', manifestPath: DEFAULT_PERSISTED_MANIFEST_PATH });
const documentNamed = (name: string) => persistedOperationNamed(persisted.manifest, name)!.document;

let system: TestSystem;
let outbox: OutboxMetrics;
let prometheus: ChildProcess | undefined;
let prometheusUrl = '';
let workdir = '';
let subscriber: Client | undefined;
/** Events the held subscription received (the booking's, for the delivery latency). */
const delivered: unknown[] = [];
const fixtures = appointmentFixtures(() => system);

type Sample = { metric: Record<string, string>; value: [number, string] };
async function query(promql: string): Promise<Sample[]> {
  const response = await fetch(`${prometheusUrl}/api/v1/query?query=${encodeURIComponent(promql)}`);
  const body = (await response.json()) as { status: string; data: { result: Sample[] }; error?: string };
  if (body.status !== 'success') throw new Error(`${promql}: ${body.error}`);
  return body.data.result;
}
const valueOf = async (promql: string) => Number((await query(promql))[0]?.value[1] ?? NaN);

async function waitFor(what: string, check: () => Promise<boolean>, ms = 30_000): Promise<void> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if (await check().catch(() => false)) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`timed out waiting for ${what}`);
}

beforeAll(() => {
  if (spawnSync('which', ['prometheus']).status !== 0) {
    throw new Error('Prometheus is not installed: run `apt-get install -y prometheus` (Debian package; .ci/run installs it).');
  }
});
systemForFile((running) => (system = running), { persistedOperations: persisted });
beforeAll(async () => {
  outbox = startOutboxMetrics(testDatabaseUrl());

  // The workload: sign in (the login mutation, no longer a web operation since the web app signs in
  // through /session/login, so labelled 'other'), one subscription held open, search, book, one
  // hostile name, one refused request.
  const token = await system.tokenFor('doctor');
  subscriber = routerWsClient(system.routerUrl, token);
  subscriber.subscribe(
    { query: 'subscription { appointmentEvents { id type occurredAt } }' },
    { next: (event) => void delivered.push(event), error: () => {}, complete: () => {} },
  );
  const patientId = await fixtures.patient();
  dataOf(await system.gql(documentNamed('DoctorSearchPatients'), { search: 'Ada' }, token));
  dataOf(await system.gql(documentNamed('DoctorBookAppointment'), { input: { patientId, ...fixtures.slot(9 * 60 + 30) } }, token));
  await system.gql('query jane_doe_at_example_com_0b8e6c1e { __typename }', {}, token);
  const refused = await system.gql('{ patients(search: "Ada", first: 1) { totalCount } }');
  expect(refused.errors?.[0]?.extensions?.['code']).toBe('UNAUTHENTICATED');

  workdir = mkdtempSync(path.join(tmpdir(), 'prometheus-'));
  const port = await freePort();
  prometheusUrl = `http://127.0.0.1:${port}`;
  const target = new URL(system.metricsUrl).host;
  writeFileSync(
    path.join(workdir, 'prometheus.yml'),
    [
      'global: { scrape_interval: 1s, evaluation_interval: 1s }',
      `rule_files: [${JSON.stringify(ALERTS)}]`,
      'scrape_configs:',
      '  - job_name: hospital-test',
      `    static_configs: [{ targets: [${JSON.stringify(target)}] }]`,
    ].join('\n'),
  );
  prometheus = spawn(
    'prometheus',
    [`--config.file=${path.join(workdir, 'prometheus.yml')}`, `--storage.tsdb.path=${path.join(workdir, 'data')}`, `--web.listen-address=127.0.0.1:${port}`],
    { stdio: 'ignore' },
  );
  await waitFor('Prometheus to be ready', async () => (await fetch(`${prometheusUrl}/-/ready`)).ok);
  await waitFor('the booking event at the subscriber', async () => delivered.length >= 1);
  await waitFor('a scrape after the workload', async () => (await valueOf('sum(graphql_router_requests_total{operation="DoctorBookAppointment"})')) >= 1);
}, 120_000);

afterAll(async () => {
  await subscriber?.dispose();
  prometheus?.kill('SIGTERM');
  await outbox?.close();
  if (workdir) rmSync(workdir, { recursive: true, force: true });
});

describe('Prometheus scraping the running system', () => {
  it('scrapes the target with the service label and process metrics', async () => {
    expect(await valueOf('up{job="hospital-test"}')).toBe(1);
    expect(await valueOf('process_resident_memory_bytes{service="test-system"}')).toBeGreaterThan(10_000_000);
  });

  it('has router RED per safelisted operation name, and no other name in a label', async () => {
    const known = knownOperationNames(persisted.manifest.values());
    const operations = (await query('sum by (operation) (graphql_router_requests_total)')).map((s) => s.metric['operation']!);
    expect(operations).toEqual(expect.arrayContaining(['DoctorSearchPatients', 'DoctorBookAppointment', 'other']));
    for (const operation of operations) expect(operation === 'other' || known.has(operation), operation).toBe(true);
    expect(await valueOf('graphql_router_requests_total{operation="DoctorBookAppointment",type="mutation"}')).toBe(1);
    const p50 = await valueOf('histogram_quantile(0.5, sum by (le) (graphql_router_request_seconds_bucket))');
    expect(p50).toBeGreaterThan(0);
    expect(p50).toBeLessThan(5);
    expect(await valueOf('sum(graphql_router_subgraph_fetches_total{subgraph="appointments",outcome="ok"})')).toBeGreaterThanOrEqual(1);
    expect(await valueOf('sum(graphql_router_refusals_total{code="UNAUTHENTICATED"})')).toBeGreaterThanOrEqual(1);
    await waitFor('the subscription in a scrape', async () => (await valueOf('graphql_router_active_subscriptions')) === 1);
    expect(await valueOf('graphql_router_open_websockets')).toBe(1);
    const everyLabel = JSON.stringify(await query('{__name__=~"graphql_.*|grpc_.*|audit_.*|outbox_.*"}'));
    expect(everyLabel).not.toMatch(/jane|@|0b8e6c1e/i);
  });

  it('has subgraph and gRPC RED, audit rows and the outbox gauges', async () => {
    expect(await valueOf('graphql_subgraph_requests_total{subgraph="appointments",operation="mutation.bookAppointment"}')).toBe(1);
    const booked = await query('grpc_server_handled_total{method=~".*AppointmentsService/BookAppointment",code="OK"}');
    expect(booked.map((s) => Number(s.value[1]))).toEqual([1]);
    expect(await valueOf('sum(grpc_server_handling_seconds_count)')).toBeGreaterThanOrEqual(3);
    expect(await valueOf('sum(audit_rows_written_total{outcome="allowed"})')).toBeGreaterThanOrEqual(1);
    expect(await valueOf('sum(audit_write_failures_total)')).not.toBeGreaterThan(0);
    expect(await valueOf('outbox_unpublished_rows')).toBeGreaterThanOrEqual(0);
    const age = await valueOf('outbox_oldest_unpublished_age_seconds');
    expect(age).toBeGreaterThanOrEqual(0);
    expect(age).toBeLessThan(600);
  });

  it('has commit-to-client delivery latency and the database pool meters', async () => {
    await waitFor('the delivery in a scrape', async () => (await valueOf('sum(hospital_event_delivery_seconds_count{subscription="appointmentEvents"})')) >= 1);
    const p50 = await valueOf('histogram_quantile(0.5, sum by (le) (hospital_event_delivery_seconds_bucket))');
    expect(p50).toBeGreaterThan(0);
    expect(p50).toBeLessThan(30);
    expect(await valueOf('sum(db_query_seconds_count{outcome="ok"})')).toBeGreaterThanOrEqual(3);
    expect(await valueOf('sum(db_pool_max_connections)')).toBeGreaterThan(0);
    expect((await query('db_pool_connections{state="idle"}')).length).toBeGreaterThan(0);
    expect(await valueOf('sum(db_pool_waiting_clients)')).toBe(0);
  });

  it('evaluates every Grafana dashboard query, and the router, database and delivery panels have data', async () => {
    // A rate needs two samples in its window.
    await waitFor('three scrapes', async () => (await valueOf('count_over_time(up{job="hospital-test"}[1m])')) >= 3);
    const dashboards = Object.values(dashboardFiles()).map((text) => JSON.parse(text) as Parameters<typeof expressionsOf>[0]);
    const empty: string[] = [];
    for (const expr of dashboards.flatMap(expressionsOf)) {
      // Grafana's interval variable, at this test's 1 s scrapes. (The test system is one process,
      // service="test-system": the per-department panels are empty here, and so are error panels.)
      if ((await query(expr.replaceAll('$__rate_interval', '1m'))).length === 0) empty.push(expr);
    }
    for (const needed of ['graphql_router_requests_total', 'db_query_seconds_count', 'hospital_event_delivery_seconds_bucket']) {
      expect(
        empty.filter((expr) => expr.includes(needed) && !/code=~|outcome="error"/.test(expr)),
        needed,
      ).toEqual([]);
    }
  });

  it('loads the alert rules and evaluates them without errors, none firing', async () => {
    const groups = (parseYaml(readFileSync(ALERTS, 'utf8')) as { groups: Array<{ rules: unknown[] }> }).groups;
    const ruleCount = groups.reduce((n, g) => n + g.rules.length, 0);
    await waitFor('the rules to be evaluated', async () => {
      const body = (await (await fetch(`${prometheusUrl}/api/v1/rules`)).json()) as { data: { groups: Array<{ rules: Array<{ health: string }> }> } };
      const rules = body.data.groups.flatMap((g) => g.rules);
      return rules.length === ruleCount && rules.every((r) => r.health === 'ok');
    });
    expect(await query('ALERTS{alertstate="firing"}')).toEqual([]);
  });
});
