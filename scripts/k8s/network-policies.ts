/**
 * NetworkPolicies from the topology table: deny everything, then open exactly the calls the
 * runnables make (router → subgraphs, subgraph → its service (the clinical one to identity too, for its audit reports), service → the services it calls,
 * PostgreSQL, Kafka), DNS, the ingress controller into web and router, Prometheus (monitoring
 * namespace) into the `/metrics` ports, and what the operators'
 * own pods need. k8s/test evaluates the rendered policies against every Deployment's environment.
 */
import { KAFKA_CLIENT, POSTGRES_CLIENT } from './components.ts';
import {
  AUDIT_REPORTING_SUBGRAPHS,
  DEPARTMENTS,
  KAFKA_POD_LABELS,
  KAFKA_SUBGRAPHS,
  METRICS_PORT,
  MONITORING_NAMESPACE,
  POSTGRES_POD_LABELS,
  ROUTER_PORT,
  WEB_PORT,
  callersOf,
  serviceName,
  subgraphName,
} from './topology.ts';
import { selectorOf, type K8sObject } from './workloads.ts';

type Peer = Record<string, unknown>;
type Rule = { peers: Peer[]; ports: number[] };

const pod = (name: string): Peer => ({ podSelector: { matchLabels: selectorOf(name) } });
const labelled = (labels: Record<string, string>): Peer => ({ podSelector: { matchLabels: labels } });
const namespace = (name: string): Peer => ({ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': name } } });
/** Any address (for the Kubernetes API and object storage, whose addresses are the cluster's own). */
const anywhere: Peer = { ipBlock: { cidr: '0.0.0.0/0' } };

/** The namespaces of the ingress controller and of the operators (their Helm charts' defaults). */
export const INGRESS_NAMESPACE = 'ingress-nginx';
export const CNPG_NAMESPACE = 'cnpg-system';
export const KEDA_NAMESPACE = 'keda';
export const STRIMZI_NAMESPACE = 'strimzi';

const ports = (list: number[]) => list.map((port) => ({ protocol: 'TCP', port }));
const toRules = (rules: Rule[], direction: 'from' | 'to') => rules.map((r) => ({ [direction]: r.peers, ports: ports(r.ports) }));

/**
 * One policy for the pods matching `selector`.
 * @param name - the policy's name
 * @param selector - matchLabels of the pods it governs
 * @param ingress - who may connect, on which ports
 * @param egress - where they may connect, on which ports
 */
function policy(name: string, selector: Record<string, string>, ingress: Rule[], egress: Rule[]): K8sObject {
  return {
    apiVersion: 'networking.k8s.io/v1',
    kind: 'NetworkPolicy',
    metadata: { name, labels: { 'app.kubernetes.io/part-of': 'hospital' } },
    spec: { podSelector: { matchLabels: selector }, policyTypes: ['Ingress', 'Egress'], ingress: toRules(ingress, 'from'), egress: toRules(egress, 'to') },
  };
}

const POSTGRES: Rule = { peers: [labelled(POSTGRES_POD_LABELS)], ports: [5432] };
/** Prometheus (in the monitoring namespace) scraping a `/metrics` port. */
const scrape = (port: number): Rule => ({ peers: [namespace(MONITORING_NAMESPACE)], ports: [port] });
const KAFKA: Rule = { peers: [labelled(KAFKA_POD_LABELS)], ports: [9092] };

/** Deny-all, DNS, and one policy per component and data store. */
export function networkPolicies(): K8sObject[] {
  const deny: K8sObject = {
    apiVersion: 'networking.k8s.io/v1',
    kind: 'NetworkPolicy',
    metadata: { name: 'default-deny-all', labels: { 'app.kubernetes.io/part-of': 'hospital' } },
    spec: { podSelector: {}, policyTypes: ['Ingress', 'Egress'] },
  };
  const dns: K8sObject = {
    apiVersion: 'networking.k8s.io/v1',
    kind: 'NetworkPolicy',
    metadata: { name: 'allow-dns', labels: { 'app.kubernetes.io/part-of': 'hospital' } },
    spec: {
      podSelector: {},
      policyTypes: ['Egress'],
      egress: [
        {
          to: [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'kube-system' } }, podSelector: { matchLabels: { 'k8s-app': 'kube-dns' } } }],
          ports: [
            { protocol: 'UDP', port: 53 },
            { protocol: 'TCP', port: 53 },
          ],
        },
      ],
    },
  };

  const services = DEPARTMENTS.map((d) => {
    const callers = [
      pod(subgraphName(d.name)),
      ...callersOf(d.name).map((c) => pod(serviceName(c.name))),
      ...(d.name === 'identity' ? [pod('router'), ...AUDIT_REPORTING_SUBGRAPHS.map((s) => pod(subgraphName(s)))] : []),
    ];
    const egress: Rule[] = [...d.calls.map((c) => ({ peers: [pod(serviceName(c))], ports: [DEPARTMENTS.find((x) => x.name === c)!.grpcPort] })), POSTGRES];
    if (d.kafka) egress.push(KAFKA);
    // Mail leaves the cluster (SMTP submission and SMTPS), only from the notifications service.
    if (d.name === 'notifications') egress.push({ peers: [anywhere], ports: [587, 465] });
    return policy(serviceName(d.name), selectorOf(serviceName(d.name)), [{ peers: callers, ports: [d.grpcPort] }, scrape(METRICS_PORT)], egress);
  });
  const identity = DEPARTMENTS.find((d) => d.name === 'identity')!;
  const subgraphs = DEPARTMENTS.map((d) =>
    policy(
      subgraphName(d.name),
      selectorOf(subgraphName(d.name)),
      [{ peers: [pod('router')], ports: [d.subgraphPort] }, scrape(d.subgraphPort)],
      [
        { peers: [pod(serviceName(d.name))], ports: [d.grpcPort] },
        ...(AUDIT_REPORTING_SUBGRAPHS.includes(d.name) ? [{ peers: [pod(serviceName('identity'))], ports: [identity.grpcPort] }] : []),
        ...(KAFKA_SUBGRAPHS.includes(d.name) ? [KAFKA] : []),
      ],
    ),
  );
  const router = policy(
    'router',
    selectorOf('router'),
    [{ peers: [pod('web'), namespace(INGRESS_NAMESPACE)], ports: [ROUTER_PORT] }, scrape(METRICS_PORT)],
    [...DEPARTMENTS.map((d) => ({ peers: [pod(subgraphName(d.name))], ports: [d.subgraphPort] })), { peers: [pod(serviceName('identity'))], ports: [identity.grpcPort] }],
  );
  const web = policy(
    'web',
    selectorOf('web'),
    [{ peers: [namespace(INGRESS_NAMESPACE)], ports: [WEB_PORT] }, scrape(METRICS_PORT)],
    [{ peers: [pod('router')], ports: [ROUTER_PORT] }],
  );
  // The migration and demo-data Jobs (label hospital.io/job) reach PostgreSQL only.
  const jobs = policy('database-jobs', { 'hospital.io/job': 'database' }, [], [POSTGRES]);

  // CloudNativePG: clients, the other instances (replication) and the operator (status on 8000);
  // out to the other instances, the Kubernetes API and object storage for backups (443).
  const postgres = policy(
    'postgres',
    POSTGRES_POD_LABELS,
    [
      { peers: [labelled(POSTGRES_CLIENT), labelled({ 'hospital.io/job': 'database' }), labelled(POSTGRES_POD_LABELS)], ports: [5432] },
      { peers: [namespace(CNPG_NAMESPACE)], ports: [5432, 8000] },
    ],
    [
      { peers: [labelled(POSTGRES_POD_LABELS)], ports: [5432, 8000] },
      { peers: [anywhere], ports: [443, 6443] },
    ],
  );
  // Strimzi writes its own ingress policies for the listeners; these add what default-deny takes
  // away: clients and KEDA's lag probe on 9092, the brokers and controllers among themselves, the
  // operator, and the Kubernetes API for the entity operator.
  const kafka = policy(
    'kafka',
    KAFKA_POD_LABELS,
    [
      { peers: [labelled(KAFKA_CLIENT), namespace(KEDA_NAMESPACE)], ports: [9092] },
      { peers: [labelled(KAFKA_POD_LABELS), namespace(STRIMZI_NAMESPACE)], ports: [9090, 9091, 9092, 8443] },
    ],
    [
      { peers: [labelled(KAFKA_POD_LABELS)], ports: [9090, 9091, 9092, 8443] },
      { peers: [anywhere], ports: [443, 6443] },
    ],
  );
  return [deny, dns, ...services, ...subgraphs, router, web, jobs, postgres, kafka];
}
