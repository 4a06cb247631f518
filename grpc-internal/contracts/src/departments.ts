/**
 * The one department table: every department's name (= its folders `grpc-internal/services/<name>`
 * and `subgraphs/<name>`, its subgraph name in the supergraph, its `<NAME>_…` variables), its
 * default local ports, whose gRPC services its own service calls, and which Kafka topic families
 * its service and subgraph publish or consume. The router's subgraph list, the launcher, the
 * Kubernetes topology (Kafka clients: config, label, egress), every runnable's env defaults and
 * codegen read it, so adding a department means adding its folders and one row here.
 *
 * No imports: the web build, scripts and every package may import it
 * (`@hospital/grpc-contracts/departments`) without pulling gRPC in.
 */

/**
 * A family of Kafka topics: its topic (`<FAMILY>_TOPIC`, by default the family's name) and its
 * dead-letter topic (`<FAMILY>_DLQ_TOPIC`), with the settings of the kit's `<family>TopicEnv`.
 */
export type TopicFamily = 'appointments' | 'clinical';

/**
 * A topic family's default topic names, when `<FAMILY>_TOPIC` and `<FAMILY>_DLQ_TOPIC` are unset:
 * the family's name, and the same with `.dlq` for the messages no consumer can process.
 * @param family - the topic family
 */
export function defaultTopicNames(family: TopicFamily): { topic: string; dlqTopic: string } {
  return { topic: family, dlqTopic: `${family}.dlq` };
}

/** What a department's runnables do on Kafka when KAFKA_BROKERS is set: the topic families each uses. */
export interface DepartmentKafka {
  /** Families the service publishes to (its outbox relay, which also makes the dead-letter topic). */
  readonly servicePublishes: readonly TopicFamily[];
  /** Families the service consumes (each in a consumer group of its own). */
  readonly serviceConsumes: readonly TopicFamily[];
  /** Families the subgraph reads itself (the feed of its subscriptions). */
  readonly subgraphConsumes: readonly TopicFamily[];
}

/** A department none of whose runnables touches Kafka. */
const NO_KAFKA: DepartmentKafka = { servicePublishes: [], serviceConsumes: [], subgraphConsumes: [] };
/** Appointments: the service's outbox relay publishes appointment events; the subgraph's subscriptions read them. */
const APPOINTMENTS_KAFKA: DepartmentKafka = { servicePublishes: ['appointments'], serviceConsumes: [], subgraphConsumes: ['appointments'] };
/** Notifications: the service consumes appointment events (reminders) and clinical events (lab results for the ordering doctor). */
const NOTIFICATIONS_KAFKA: DepartmentKafka = { servicePublishes: [], serviceConsumes: ['appointments', 'clinical'], subgraphConsumes: [] };
/** Clinical: the service's outbox relay publishes clinical events; the subgraph's subscriptions read them. */
const CLINICAL_KAFKA: DepartmentKafka = { servicePublishes: ['clinical'], serviceConsumes: [], subgraphConsumes: ['clinical'] };

/** One row of {@link DEPARTMENTS}. */
export interface DepartmentRow {
  /** Lower-case name, also the folder names and the subgraph name. */
  readonly name: string;
  /** Default port of the department's gRPC service (`<NAME>_GRPC_PORT`). */
  readonly grpcPort: number;
  /** Default port of the department's subgraph (`<NAME>_SUBGRAPH_PORT`). */
  readonly subgraphPort: number;
  /** Port of the service's `/metrics` under `npm start` (its METRICS_PORT; in Kubernetes every pod uses 9464). */
  readonly metricsPort: number;
  /** Departments whose gRPC service this department's service calls (a `<DEPT>_GRPC_TARGET` in its env.ts). */
  readonly calls: readonly string[];
  /** Its service's and subgraph's Kafka topics (none: that runnable is no Kafka client). */
  readonly kafka: DepartmentKafka;
  /**
   * Its subgraph delivers record values inside events to subscribers and reports each delivery to
   * the audit trail itself (`RecordDeliveredReads`, so it calls identity: `IDENTITY_GRPC_TARGET`).
   */
  readonly subgraphAuditsDeliveries: boolean;
}

/** Departments in start order (a service may call those before it). */
export const DEPARTMENTS = [
  { name: 'identity', grpcPort: 50051, subgraphPort: 4001, metricsPort: 9461, calls: [], kafka: NO_KAFKA, subgraphAuditsDeliveries: false },
  { name: 'patients', grpcPort: 50052, subgraphPort: 4002, metricsPort: 9462, calls: ['appointments', 'ward'], kafka: NO_KAFKA, subgraphAuditsDeliveries: false },
  { name: 'appointments', grpcPort: 50053, subgraphPort: 4003, metricsPort: 9463, calls: ['identity', 'patients'], kafka: APPOINTMENTS_KAFKA, subgraphAuditsDeliveries: false },
  {
    name: 'notifications',
    grpcPort: 50054,
    subgraphPort: 4004,
    metricsPort: 9464,
    calls: ['appointments', 'patients', 'identity'],
    kafka: NOTIFICATIONS_KAFKA,
    subgraphAuditsDeliveries: false,
  },
  { name: 'finance', grpcPort: 50055, subgraphPort: 4005, metricsPort: 9465, calls: ['patients', 'appointments', 'ward'], kafka: NO_KAFKA, subgraphAuditsDeliveries: false },
  { name: 'pharmacy', grpcPort: 50056, subgraphPort: 4006, metricsPort: 9466, calls: ['patients'], kafka: NO_KAFKA, subgraphAuditsDeliveries: false },
  { name: 'ward', grpcPort: 50057, subgraphPort: 4007, metricsPort: 9467, calls: ['patients'], kafka: NO_KAFKA, subgraphAuditsDeliveries: false },
  { name: 'clinical', grpcPort: 50058, subgraphPort: 4008, metricsPort: 9469, calls: ['appointments', 'ward'], kafka: CLINICAL_KAFKA, subgraphAuditsDeliveries: true },
] as const satisfies readonly DepartmentRow[];

/** A department's name. */
export type DepartmentName = (typeof DEPARTMENTS)[number]['name'];

/** The departments' names, in start order. */
export const DEPARTMENT_NAMES: readonly DepartmentName[] = DEPARTMENTS.map((d) => d.name);

/** A department's two runnables: its gRPC service and its subgraph. */
export type Runnable = 'service' | 'subgraph';

/**
 * The name of a department's runnable, `<department>-service` or `<department>-subgraph`: its
 * process in the launcher, its name in logs, traces and metrics (the `service` label), its Kafka
 * client id and consumer-group prefix, its Kubernetes objects, and the service name a subgraph
 * signs its own calls with.
 * @param department - the department's name
 * @param runnable - its service or its subgraph
 */
export function runnableName(department: string, runnable: Runnable): string {
  return `${department}-${runnable}`;
}

/**
 * Whether a department's service or subgraph is a Kafka client (publishes or consumes a topic family).
 * @param row - the department's row
 * @param runnable - its service or its subgraph
 */
export function usesKafka(row: DepartmentRow, runnable: Runnable): boolean {
  const { servicePublishes, serviceConsumes, subgraphConsumes } = row.kafka;
  return (runnable === 'service' ? [...servicePublishes, ...serviceConsumes] : subgraphConsumes).length > 0;
}

/** Host the local defaults point at. */
export const LOCAL_HOST = '127.0.0.1';

/**
 * Looks a department up by name.
 * @param name - a department name
 */
export function departmentRow(name: DepartmentName): DepartmentRow {
  const found: DepartmentRow | undefined = DEPARTMENTS.find((d) => d.name === name);
  if (!found) throw new Error(`Unknown department "${name}"`);
  return found;
}

/**
 * The default `<NAME>_GRPC_TARGET` of a department's service in local development, e.g. 127.0.0.1:50051.
 * @param name - a department name
 */
export function defaultGrpcTarget(name: DepartmentName): string {
  return `${LOCAL_HOST}:${departmentRow(name).grpcPort}`;
}

/**
 * The default ports of a department's subgraph, in the shape the subgraph kit's env parser takes.
 * @param name - a department name
 */
export function subgraphDefaults(name: DepartmentName): { port: number; grpcPort: number } {
  const row = departmentRow(name);
  return { port: row.subgraphPort, grpcPort: row.grpcPort };
}
