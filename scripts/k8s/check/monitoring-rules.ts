/**
 * Checks of the monitoring objects in a rendered overlay: every scraped runnable declares its
 * metrics port and sets its variable to it, the PodMonitors find pods with the ports they name,
 * the NetworkPolicies let Prometheus in on those ports, the PrometheusRule is alerts.yml, and each
 * dashboard's ConfigMap carries the Grafana sidecar label and the committed JSON. Plus the PromQL
 * helpers the dashboard test uses (metric names of an expression).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { DASHBOARDS } from '../observability/dashboards.ts';
import { alertGroups, OBSERVABILITY_DIR } from '../observability/monitoring.ts';
import { METRICS_PORT, MONITORING_NAMESPACE } from '../topology.ts';
import { podTemplates } from './pods.ts';
import { ofKind, type Rendered } from './render.ts';

type Port = { name?: string; containerPort: number };
type Selector = { matchLabels?: Record<string, string>; matchExpressions?: Array<{ key: string; operator: string; values: string[] }> };

const selects = (s: Selector, labels: Record<string, string>) =>
  Object.entries(s.matchLabels ?? {}).every(([k, v]) => labels[k] === v) &&
  (s.matchExpressions ?? []).every((e) => (e.operator === 'In' ? e.values.includes(labels[e.key] ?? '') : false));

/** The variable each scraped component reads its metrics port from. */
const METRICS_VARIABLE: Record<string, string> = { service: 'METRICS_PORT', router: 'ROUTER_METRICS_PORT' };

/** Whether some NetworkPolicy lets the monitoring namespace reach these pods on the port. */
function scrapeAllowed(objects: Rendered[], labels: Record<string, string>, port: number): boolean {
  return ofKind(objects, 'NetworkPolicy').some((p) => {
    const spec = p['spec'] as { podSelector: Selector; ingress?: Array<{ from?: Array<{ namespaceSelector?: Selector }>; ports?: Array<{ port: number }> }> };
    if (!selects(spec.podSelector, labels)) return false;
    return (spec.ingress ?? []).some(
      (r) => (r.from ?? []).some((f) => f.namespaceSelector?.matchLabels?.['kubernetes.io/metadata.name'] === MONITORING_NAMESPACE) && (r.ports ?? []).some((x) => x.port === port),
    );
  });
}

/**
 * Problems of the monitoring setup of a rendered overlay (none when it holds together).
 * @param objects - the overlay
 */
export function monitoringProblems(objects: Rendered[]): string[] {
  const problems: string[] = [];
  const pods = podTemplates(objects);
  for (const pod of pods) {
    const component = pod.labels['app.kubernetes.io/component'] ?? '';
    const variable = METRICS_VARIABLE[component];
    if (!variable || pod.id.startsWith('Job/')) continue;
    for (const c of pod.spec.containers as Array<{ ports?: Port[]; env?: Array<{ name: string; value?: string }> }>) {
      const port = c.ports?.find((p) => p.name === 'metrics');
      if (port?.containerPort !== METRICS_PORT) problems.push(`${pod.id}: no container port "metrics" ${METRICS_PORT}`);
      if (c.env?.find((e) => e.name === variable)?.value !== String(METRICS_PORT)) problems.push(`${pod.id}: ${variable} is not ${METRICS_PORT}`);
    }
    const service = ofKind(objects, 'Service').find((s) => s.metadata.name === pod.owner.metadata.name);
    if (!(service?.['spec'] as { ports: Array<{ name?: string }> } | undefined)?.ports.some((p) => p.name === 'metrics'))
      problems.push(`Service/${pod.owner.metadata.name}: no "metrics" port`);
  }
  const monitors = ofKind(objects, 'PodMonitor');
  if (monitors.length === 0) problems.push('no PodMonitor');
  for (const monitor of monitors) {
    const spec = monitor['spec'] as { selector: Selector; podMetricsEndpoints: Array<{ port: string }> };
    const selected = pods.filter((p) => !p.id.startsWith('Job/') && selects(spec.selector, p.labels));
    if (selected.length === 0) problems.push(`PodMonitor/${monitor.metadata.name}: selects no pod`);
    for (const pod of selected) {
      for (const { port } of spec.podMetricsEndpoints) {
        const declared = pod.spec.containers.flatMap((c) => (c as { ports?: Port[] }).ports ?? []).find((p) => p.name === port);
        if (!declared) problems.push(`PodMonitor/${monitor.metadata.name}: ${pod.id} declares no port "${port}"`);
        else if (!scrapeAllowed(objects, pod.labels, declared.containerPort))
          problems.push(`${pod.id}: no NetworkPolicy lets ${MONITORING_NAMESPACE} scrape port ${declared.containerPort}`);
      }
    }
  }
  const rules = ofKind(objects, 'PrometheusRule');
  if (rules.length !== 1 || !isDeepStrictEqual((rules[0]?.['spec'] as { groups: unknown }).groups, alertGroups()))
    problems.push('the PrometheusRule is not alerts.yml (npm run k8s:generate)');
  for (const file of Object.keys(DASHBOARDS)) {
    const map = ofKind(objects, 'ConfigMap').find((m) => (m['data'] as Record<string, string> | undefined)?.[file] !== undefined);
    if (!map) problems.push(`no ConfigMap carries dashboards/${file}`);
    else if (map.metadata.labels?.['grafana_dashboard'] !== '1') problems.push(`ConfigMap/${map.metadata.name}: no grafana_dashboard: "1" label`);
    else if ((map['data'] as Record<string, string>)[file] !== readFileSync(path.join(OBSERVABILITY_DIR, 'dashboards', file), 'utf8'))
      problems.push(`ConfigMap/${map.metadata.name}: not the committed ${file}`);
  }
  return problems;
}

const PROMQL_WORDS = new Set(['by', 'without', 'on', 'ignoring', 'group_left', 'group_right', 'and', 'or', 'unless', 'bool', 'offset', 'inf', 'nan']);

/**
 * The metric names an expression reads (labels, strings, functions, grouping clauses and
 * durations left out).
 * @param expr - PromQL
 */
export function metricNamesOf(expr: string): string[] {
  const stripped = expr
    .replace(/"(?:[^"\\]|\\.)*"/g, '""')
    .replace(/\{[^}]*\}/g, ' ')
    .replace(/\b(by|without|on|ignoring|group_left|group_right)\s*\([^)]*\)/g, ' ')
    .replace(/\[[^\]]*\]/g, ' ');
  const names = [...stripped.matchAll(/(?<![\w:.$])[a-zA-Z_:][a-zA-Z0-9_:]*/g)].filter((m) => !/^\s*\(/.test(stripped.slice(m.index + m[0].length))).map((m) => m[0]);
  return [...new Set(names.filter((n) => !PROMQL_WORDS.has(n.toLowerCase())))];
}
