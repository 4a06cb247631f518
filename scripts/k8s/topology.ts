/**
 * The table the Kubernetes manifests are generated from (departments, ports and calls read from
 * `@hospital/grpc-contracts/departments`): every runnable, the port it listens
 * on, whom it calls, and which data stores it reaches. The NetworkPolicies, Services, probes and
 * each Deployment's environment all come from here, and `k8s/test` checks the table against every
 * runnable's own env.ts (a renamed variable or a missing target fails there).
 */

import { DEPARTMENTS as DEPARTMENT_TABLE, runnableName, usesKafka } from '@hospital/grpc-contracts/departments';

/** A department: its gRPC service and its subgraph (same ports as `npm start`). */
export interface Department {
  name: string;
  grpcPort: number;
  subgraphPort: number;
  /** Departments whose gRPC service this department's service calls (`<DEPT>_GRPC_TARGET` in its env.ts). */
  calls: string[];
  /** The service publishes or consumes a topic family on Kafka (the department table's kafka column). */
  kafka: boolean;
}

/** Departments (names, ports, calls and Kafka use from the department table). */
export const DEPARTMENTS: readonly Department[] = DEPARTMENT_TABLE.map((d) => ({
  name: d.name,
  grpcPort: d.grpcPort,
  subgraphPort: d.subgraphPort,
  calls: [...d.calls],
  kafka: usesKafka(d, 'service'),
}));

/**
 * Subgraphs that read Kafka themselves (the department table's kafka column: the appointments and
 * clinical subscriptions). Their feeds start whether or not the topic exists yet (retried with
 * backoff; `/ready` answers 503 until they read), so they need no start order against the topic
 * operator or the relays.
 */
export const KAFKA_SUBGRAPHS: readonly string[] = DEPARTMENT_TABLE.filter((d) => usesKafka(d, 'subgraph')).map((d) => d.name);

/**
 * Subgraphs that call the audit service (identity) themselves (the department table's
 * `subgraphAuditsDeliveries`): the clinical subgraph records each delivery of an event's clinical
 * values to a subscriber (`IDENTITY_GRPC_TARGET` in its env.ts).
 */
export const AUDIT_REPORTING_SUBGRAPHS: readonly string[] = DEPARTMENT_TABLE.filter((d) => d.subgraphAuditsDeliveries).map((d) => d.name);

/** The router's and the web server's ports. */
export const ROUTER_PORT = 4000;
export const WEB_PORT = 3000;

/**
 * The `/metrics` port of every gRPC service and of the router in a pod (METRICS_PORT,
 * ROUTER_METRICS_PORT), named `metrics`; one number serves since each pod has its own address.
 * Subgraphs serve `/metrics` on their own HTTP port. Prometheus runs in this namespace.
 */
export const METRICS_PORT = 9464;
export const MONITORING_NAMESPACE = 'monitoring';

/** The image every component runs; overlays pin a tag (dev) or a digest (prod). */
export const IMAGE = 'ghcr.io/hospital-system/hospital';

/** Operator-managed data stores, by the names the CRs in k8s/base give them. */
export const POSTGRES_CLUSTER = 'hospital-db';
export const POSTGRES_RW_SERVICE = `${POSTGRES_CLUSTER}-rw`;
export const KAFKA_CLUSTER = 'hospital-kafka';
export const KAFKA_BOOTSTRAP = `${KAFKA_CLUSTER}-kafka-bootstrap:9092`;

/** Labels of the pods the operators make, so NetworkPolicies (and the check) can name them. */
export const POSTGRES_POD_LABELS = { 'cnpg.io/cluster': POSTGRES_CLUSTER };
export const KAFKA_POD_LABELS = { 'strimzi.io/cluster': KAFKA_CLUSTER };

/** Secret names and keys the manifests reference (created by the operator of the cluster, never committed). */
export const SECRETS = {
  internal: { name: 'hospital-internal', key: 'secret' },
  proxy: { name: 'hospital-proxy', key: 'secret' },
  jwtPrivate: { name: 'hospital-jwt', key: 'private-key' },
  jwtPublic: { name: 'hospital-jwt', key: 'public-key' },
  smtp: { name: 'hospital-smtp', key: 'url' },
  /** Made by CloudNativePG: the database owner (migrations, demo data). */
  owner: { name: `${POSTGRES_CLUSTER}-app`, key: 'uri' },
  /** One login per department (CloudNativePG managed role), with its URL under `uri`. */
  department: (dept: string) => ({ name: `${POSTGRES_CLUSTER}-${runnableName(dept, 'service')}`, key: 'uri' }),
} as const;

/** Kubernetes object names: each runnable's name (the department table's runnableName). */
export const serviceName = (dept: string) => runnableName(dept, 'service');
export const subgraphName = (dept: string) => runnableName(dept, 'subgraph');
export const upper = (dept: string) => dept.toUpperCase();

/** Looks a department up by name. */
export function department(name: string): Department {
  const found = DEPARTMENTS.find((d) => d.name === name);
  if (!found) throw new Error(`Unknown department "${name}"`);
  return found;
}

/** The departments whose service calls `name`'s service. */
export function callersOf(name: string): Department[] {
  return DEPARTMENTS.filter((d) => d.calls.includes(name));
}
