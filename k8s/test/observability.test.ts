/**
 * The monitoring part of `npm run k8s:check`: each overlay's PodMonitors, PrometheusRule,
 * dashboard ConfigMaps, metrics ports and scrape NetworkPolicies hold together; every PromQL
 * expression of every dashboard parses (promtool, through a throw-away rules file) and reads only
 * metrics the README's metric table documents (or Prometheus', Node's and kube-state-metrics'
 * own), so a misspelt name fails here rather than as an empty panel.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { metricNamesOf, monitoringProblems } from '../../scripts/k8s/check/monitoring-rules.ts';
import { K8S_DIR, OVERLAYS, renderOverlay } from '../../scripts/k8s/check/render.ts';
import { schemaProblems } from '../../scripts/k8s/check/schemas.ts';
import { expressionsOf } from '../../scripts/k8s/observability/grafana.ts';
import { alertGroups, monitoringObjects } from '../../scripts/k8s/observability/monitoring.ts';
import { DEPARTMENTS, KAFKA_SUBGRAPHS } from '../../scripts/k8s/topology.ts';

const DASHBOARD_DIR = path.join(K8S_DIR, 'observability/dashboards');
const dashboards = readdirSync(DASHBOARD_DIR)
  .filter((f) => f.endsWith('.json'))
  .map((file) => ({ file, model: JSON.parse(readFileSync(path.join(DASHBOARD_DIR, file), 'utf8')) as Record<string, any> }));

/** Metrics from outside this repository's registry that dashboards and alerts may read. */
const FOREIGN = /^(up|ALERTS|kube_[a-z_]+|process_[a-z_]+|nodejs_[a-z0-9_]+)$/;

/** The README's metric table: name → type. */
function metricTable(): Map<string, string> {
  const readme = readFileSync(path.join(K8S_DIR, '../README.md'), 'utf8');
  return new Map([...readme.matchAll(/^\| `([a-z_:]+)` \| (counter|gauge|histogram) \|/gm)].map((m) => [m[1]!, m[2]!]));
}

/** Series names the table documents (a histogram's _bucket, _count and _sum). */
function documentedMetrics(): Set<string> {
  return new Set([...metricTable()].flatMap(([name, type]) => (type === 'histogram' ? [`${name}_bucket`, `${name}_count`, `${name}_sum`] : [name])));
}

/** promtool's verdict on expressions, each as a recording rule of a temporary file. */
function promtoolCheck(exprs: string[]): { status: number | null; output: string } {
  if (spawnSync('which', ['promtool']).status !== 0) throw new Error('promtool is not installed: `apt-get install -y prometheus` (Debian package; .ci/run installs it).');
  const dir = mkdtempSync(path.join(tmpdir(), 'dashboards-promql-'));
  try {
    // Grafana's $__rate_interval is not PromQL: a fixed window stands in for it.
    const rules = exprs.map((expr, i) => ({ record: `dashboard:check:${i}`, expr: expr.replaceAll('$__rate_interval', '5m') }));
    writeFileSync(path.join(dir, 'rules.yml'), stringify({ groups: [{ name: 'dashboards', rules }] }));
    const run = spawnSync('promtool', ['check', 'rules', path.join(dir, 'rules.yml')], { encoding: 'utf8' });
    return { status: run.status, output: `${run.stdout}${run.stderr}` };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('Grafana dashboards (k8s/observability/dashboards)', () => {
  it('are the five the issue names, each with a unique uid and queries on every panel', () => {
    expect(dashboards.map((d) => d.file).sort()).toEqual(['database.json', 'departments.json', 'events-pipeline.json', 'kafka.json', 'router.json']);
    expect(new Set(dashboards.map((d) => d.model['uid'])).size).toBe(dashboards.length);
    for (const { file, model } of dashboards) {
      for (const panel of model['panels'] as Array<Record<string, any>>) {
        if (panel['type'] === 'row') continue;
        expect(panel['targets']?.length, `${file}: ${panel['title']}`).toBeGreaterThan(0);
        expect(panel['datasource']?.uid, `${file}: ${panel['title']}`).toBe('${datasource}');
      }
    }
  });

  it('has every PromQL expression parsed by promtool', () => {
    const exprs = dashboards.flatMap((d) => expressionsOf(d.model));
    expect(exprs.length).toBeGreaterThan(40);
    const result = promtoolCheck(exprs);
    expect(result.status, result.output).toBe(0);
  });

  it('fails promtool on a broken expression (the check is not vacuous)', () => {
    expect(promtoolCheck(['sum(rate(graphql_router_requests_total[$__rate_interval])']).status).not.toBe(0);
  });

  it('reads, like the alerts, only metrics the README documents', () => {
    const documented = documentedMetrics();
    expect(documented.size).toBeGreaterThan(20);
    const alertExprs = (alertGroups() as Array<{ rules: Array<{ expr: string; record?: string }> }>).flatMap((g) => g.rules.map((r) => r.expr));
    const recorded = new Set((alertGroups() as Array<{ rules: Array<{ record?: string }> }>).flatMap((g) => g.rules.flatMap((r) => (r.record ? [r.record] : []))));
    const unknown = [...dashboards.flatMap((d) => expressionsOf(d.model)), ...alertExprs]
      .flatMap(metricNamesOf)
      .filter((name) => !documented.has(name) && !FOREIGN.test(name) && !recorded.has(name));
    expect([...new Set(unknown)]).toEqual([]);
    expect(metricNamesOf('sum by (le) (rate(graphql_router_request_secondz_bucket{code="x"}[5m]))')).toEqual(['graphql_router_request_secondz_bucket']);
  });

  it("watches the restarts of every department that talks to Kafka (the department table's kafka column)", () => {
    const kafka = dashboards.find((d) => d.file === 'kafka.json')!.model;
    const panel = (kafka['panels'] as Array<Record<string, any>>).find((p) => p['title'] === 'Restarts of Kafka-using pods')!;
    const matcher = /pod=~"\(([a-z|]+)\)\.\*"/.exec(String(panel['targets'][0].expr))?.[1]?.split('|') ?? [];
    const users = DEPARTMENTS.filter((d) => d.kafka || KAFKA_SUBGRAPHS.includes(d.name)).map((d) => d.name);
    expect(users).toEqual(expect.arrayContaining(['appointments', 'notifications', 'clinical']));
    expect(matcher.sort()).toEqual([...users].sort());
  });
});

describe("the README's metric table", () => {
  /** Metric names the sources register (the registry's get-or-create helpers and prom-client's own classes). */
  function registeredMetrics(): Set<string> {
    const root = path.join(K8S_DIR, '..');
    const names = new Set<string>();
    for (const dir of ['grpc-internal', 'service-kit', 'subgraphs', 'router/src', 'prisma/src']) {
      for (const file of readdirSync(path.join(root, dir), { recursive: true }) as string[]) {
        if (!file.endsWith('.ts') || file.endsWith('.test.ts') || file.includes('node_modules') || file.includes('generated')) continue;
        const text = readFileSync(path.join(root, dir, file), 'utf8');
        for (const m of text.matchAll(
          /\b(?:counter|histogram|gauge|gaugeOnScrape)(?:<[^>]*>)?\(\s*'([a-z_:]+)'|\bname: '([a-z][a-z_]*_(?:total|seconds|connections|clients|rows|lag))'/g,
        ))
          names.add((m[1] ?? m[2])!);
      }
    }
    return names;
  }

  it('lists every metric the code registers, and only those', () => {
    const registered = registeredMetrics();
    expect(registered.size).toBeGreaterThan(20);
    const documented = new Set(metricTable().keys());
    expect(
      [...registered].filter((n) => !documented.has(n)),
      'registered, not in the README',
    ).toEqual([]);
    expect(
      [...documented].filter((n) => !registered.has(n)),
      'in the README, registered nowhere',
    ).toEqual([]);
  });
});

describe.each(OVERLAYS)('monitoring objects of overlay %s', (overlay) => {
  const objects = renderOverlay(overlay);

  it('scrape every service, subgraph and the router, with Prometheus let in, the rules and the dashboards provisioned', () => {
    expect(objects.filter((o) => o.kind === 'PodMonitor')).toHaveLength(2);
    expect(monitoringProblems(objects)).toEqual([]);
  });
});

describe('the monitoring checks', () => {
  it("notice a missing metrics port, a monitor without pods, and objects the operator's schemas refuse", async () => {
    const objects = renderOverlay('dev').map((o) => structuredClone(o));
    const ward = objects.find((o) => o.kind === 'Deployment' && o.metadata.name === 'ward-service')! as any;
    ward.spec.template.spec.containers[0].ports = ward.spec.template.spec.containers[0].ports.filter((p: { name: string }) => p.name !== 'metrics');
    const monitor = objects.find((o) => o.kind === 'PodMonitor')! as any;
    monitor.spec.selector.matchExpressions[0].values = ['nothing'];
    const problems = monitoringProblems(objects);
    expect(problems).toContain('Deployment/ward-service: no container port "metrics" 9464');
    expect(problems).toContain('PodMonitor/hospital-metrics: selects no pod');
    // The operator's CRD schemas (they allow unknown fields, as the API server prunes them): types and required fields.
    const [podMonitor, , rule] = monitoringObjects() as any[];
    expect(await schemaProblems({ ...podMonitor, spec: { ...podMonitor.spec, podMetricsEndpoints: [{ port: 9464 }] } })).toEqual([
      'PodMonitor/hospital-metrics: data/spec/podMetricsEndpoints/0/port must be string',
    ]);
    expect(await schemaProblems({ ...rule, spec: { groups: [{ name: 'x', rules: [{ alert: 'A' }] }] } })).toEqual([
      'PrometheusRule/hospital-alerts: data/spec/groups/0/rules/0 must have required property expr',
    ]);
  });
});
