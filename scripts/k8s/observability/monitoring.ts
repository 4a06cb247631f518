/**
 * The Prometheus operator's objects (monitoring.coreos.com/v1): two PodMonitors (the services',
 * the router's and the web server's `metrics` port; the subgraphs' HTTP port, path /metrics) and a PrometheusRule
 * whose groups are k8s/observability/alerts.yml as committed (the one source of the rules, which
 * promtool checks and unit-tests). Written to k8s/observability/generated/ by `npm run k8s:generate`.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import type { K8sObject } from '../workloads.ts';

/** k8s/observability/. */
export const OBSERVABILITY_DIR = path.resolve(import.meta.dirname, '../../../k8s/observability');

/** The label every hospital object carries; Prometheus' podMonitorSelector and ruleSelector can use it. */
const PART_OF = { 'app.kubernetes.io/part-of': 'hospital' };

/** Every scraped series gets job="hospital" (the alerts' `up{job=~"hospital.*"}`); the target's pod and namespace come from the operator. */
const JOB = [{ targetLabel: 'job', replacement: 'hospital', action: 'replace' }];

function podMonitor(name: string, components: string[], port: string): K8sObject {
  return {
    apiVersion: 'monitoring.coreos.com/v1',
    kind: 'PodMonitor',
    metadata: { name, labels: PART_OF },
    spec: {
      selector: { matchLabels: PART_OF, matchExpressions: [{ key: 'app.kubernetes.io/component', operator: 'In', values: components }] },
      podMetricsEndpoints: [{ port, path: '/metrics', interval: '30s', scrapeTimeout: '10s', relabelings: JOB }],
    },
  };
}

/** The alert rules' groups, read from alerts.yml. */
export function alertGroups(): unknown[] {
  return (parse(readFileSync(path.join(OBSERVABILITY_DIR, 'alerts.yml'), 'utf8')) as { groups: unknown[] }).groups;
}

/** PodMonitors and the PrometheusRule. */
export function monitoringObjects(): K8sObject[] {
  return [
    podMonitor('hospital-metrics', ['service', 'router', 'web'], 'metrics'),
    podMonitor('hospital-subgraphs', ['subgraph'], 'http'),
    { apiVersion: 'monitoring.coreos.com/v1', kind: 'PrometheusRule', metadata: { name: 'hospital-alerts', labels: PART_OF }, spec: { groups: alertGroups() } },
  ];
}
