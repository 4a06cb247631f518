/**
 * Every stateless component of the platform as a {@link Workload}: what it runs, where it listens
 * and exactly the environment its env.ts reads (targets by cluster DNS name, secrets by reference).
 * Shared settings (NODE_ENV, LOG_LEVEL, Kafka, origins) come from the `hospital-config` ConfigMap.
 */
import {
  AUDIT_REPORTING_SUBGRAPHS,
  DEPARTMENTS,
  KAFKA_SUBGRAPHS,
  METRICS_PORT,
  ROUTER_PORT,
  SECRETS,
  WEB_PORT,
  serviceName,
  subgraphName,
  upper,
  type Department,
} from './topology.ts';
import type { EnvVar, Resources, Workload } from './workloads.ts';

/** The ConfigMap with the settings every component shares (k8s/base/config.yaml). */
export const SHARED_CONFIG = 'hospital-config';
/** The ConfigMap with the Kafka connection and topic settings (k8s/base/config.yaml). */
export const EVENTS_CONFIG = 'hospital-events';
/** The ConfigMap with the router's own settings (origins, proxies, limits). */
export const ROUTER_CONFIG = 'hospital-router';

/**
 * Requests and limits from measured figures: RSS of each built runnable after start-up, migrations,
 * demo data and the smoke run under `npm run k8s:local` (services 94–201 MiB, subgraphs 99–110,
 * router 160, web 77; README, Deploy), requests above those, limits about twice; CPU requests
 * small (idle ≈ 0), limits for bursts (CPU-bound sign-in hashing in identity, planning in the router).
 */
export const RESOURCES: Record<Workload['component'], Resources> = {
  service: { requests: { cpu: '100m', memory: '256Mi' }, limits: { cpu: '1', memory: '512Mi' } },
  subgraph: { requests: { cpu: '50m', memory: '160Mi' }, limits: { cpu: '1', memory: '320Mi' } },
  router: { requests: { cpu: '100m', memory: '256Mi' }, limits: { cpu: '2', memory: '512Mi' } },
  web: { requests: { cpu: '20m', memory: '96Mi' }, limits: { cpu: '500m', memory: '192Mi' } },
};

const literal = (name: string, value: string | number): EnvVar => ({ name, value: String(value) });
const secret = (name: string, ref: { name: string; key: string }, optional = false): EnvVar => ({
  name,
  valueFrom: { secretKeyRef: { name: ref.name, key: ref.key, optional: optional || undefined } },
});
const grpcTarget = (d: Department): EnvVar => literal(`${upper(d.name)}_GRPC_TARGET`, `${serviceName(d.name)}:${d.grpcPort}`);
const byName = (name: string): Department => DEPARTMENTS.find((d) => d.name === name)!;

/** Pod labels the PostgreSQL and Kafka NetworkPolicies admit. */
export const POSTGRES_CLIENT = { 'hospital.io/postgres-client': 'true' };
export const KAFKA_CLIENT = { 'hospital.io/kafka-client': 'true' };

/** A department's gRPC service. */
function serviceWorkload(d: Department): Workload {
  const env: EnvVar[] = [
    literal(`${upper(d.name)}_GRPC_PORT`, d.grpcPort),
    literal(`${upper(d.name)}_GRPC_HOST`, '0.0.0.0'),
    literal('METRICS_PORT', METRICS_PORT),
    ...d.calls.map((name) => grpcTarget(byName(name))),
    secret('DATABASE_URL', SECRETS.department(d.name)),
    secret('INTERNAL_SECRET', SECRETS.internal),
  ];
  if (d.name === 'identity') env.push(secret('JWT_PRIVATE_KEY', SECRETS.jwtPrivate));
  if (d.name === 'notifications') env.push(secret('SMTP_URL', SECRETS.smtp, true));
  return {
    name: serviceName(d.name),
    component: 'service',
    args: ['service', d.name],
    port: { name: 'grpc', number: d.grpcPort },
    metricsPort: METRICS_PORT,
    env,
    envFrom: d.kafka ? [SHARED_CONFIG, EVENTS_CONFIG] : [SHARED_CONFIG],
    resources: RESOURCES.service,
    // eslint-disable-next-line house/conditional-spread -- merges a label set (its keys are the labels), not one optional value
    extraLabels: { ...POSTGRES_CLIENT, ...(d.kafka ? KAFKA_CLIENT : {}) },
    // Notifications consumers scale on Kafka lag (KEDA ScaledObject in k8s/base/keda.yaml).
    autoscaler: d.name === 'notifications' ? 'keda' : 'hpa',
  };
}

/** A department's subgraph: its own service only (and the audit service, for those that report deliveries). */
function subgraphWorkload(d: Department): Workload {
  const kafka = KAFKA_SUBGRAPHS.includes(d.name);
  const identity = DEPARTMENTS.find((x) => x.name === 'identity')!;
  return {
    name: subgraphName(d.name),
    component: 'subgraph',
    args: ['subgraph', d.name],
    port: { name: 'http', number: d.subgraphPort },
    env: [
      literal(`${upper(d.name)}_SUBGRAPH_PORT`, d.subgraphPort),
      // The default is loopback, which neither the kubelet's probes nor the router could reach.
      literal(`${upper(d.name)}_SUBGRAPH_HOST`, '0.0.0.0'),
      grpcTarget(d),
      ...(AUDIT_REPORTING_SUBGRAPHS.includes(d.name) ? [grpcTarget(identity)] : []),
      secret('INTERNAL_SECRET', SECRETS.internal),
    ],
    envFrom: kafka ? [SHARED_CONFIG, EVENTS_CONFIG] : [SHARED_CONFIG],
    resources: RESOURCES.subgraph,
    extraLabels: kafka ? KAFKA_CLIENT : undefined,
    autoscaler: 'hpa',
  };
}

/** The router: every subgraph, plus identity for token revocations and the refusal audit. */
function routerWorkload(): Workload {
  return {
    name: 'router',
    component: 'router',
    args: ['router'],
    port: { name: 'http', number: ROUTER_PORT },
    metricsPort: METRICS_PORT,
    env: [
      literal('ROUTER_PORT', ROUTER_PORT),
      literal('ROUTER_HOST', '0.0.0.0'),
      literal('ROUTER_METRICS_PORT', METRICS_PORT),
      ...DEPARTMENTS.map((d) => literal(`SUBGRAPH_${upper(d.name)}_URL`, `http://${subgraphName(d.name)}:${d.subgraphPort}/graphql`)),
      grpcTarget(byName('identity')),
      secret('INTERNAL_SECRET', SECRETS.internal),
      secret('JWT_PUBLIC_KEY', SECRETS.jwtPublic),
      secret('ROUTER_PROXY_SECRET', SECRETS.proxy),
    ],
    envFrom: [SHARED_CONFIG, ROUTER_CONFIG],
    resources: RESOURCES.router,
    autoscaler: 'hpa',
  };
}

/** The web server: the built app, and /graphql forwarded to the router. */
function webWorkload(): Workload {
  return {
    name: 'web',
    component: 'web',
    args: ['web'],
    port: { name: 'http', number: WEB_PORT },
    metricsPort: METRICS_PORT,
    env: [
      literal('WEB_PORT', WEB_PORT),
      literal('METRICS_PORT', METRICS_PORT),
      literal('WEB_HOST', '0.0.0.0'),
      literal('ROUTER_URL', `http://router:${ROUTER_PORT}/graphql`),
      secret('WEB_PROXY_SECRET', SECRETS.proxy),
    ],
    envFrom: [SHARED_CONFIG],
    resources: RESOURCES.web,
    autoscaler: 'none',
  };
}

/** Every stateless component, services first. */
export function allWorkloads(): Workload[] {
  return [...DEPARTMENTS.map(serviceWorkload), ...DEPARTMENTS.map(subgraphWorkload), routerWorkload(), webWorkload()];
}
