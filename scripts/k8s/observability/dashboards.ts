/**
 * The Grafana dashboards (k8s/observability/dashboards/*.json, written by `npm run k8s:generate`):
 * router RED by operation, each department's RED, the events pipeline (outbox → Kafka →
 * subscriber), the database, and Kafka. Department rows come from the topology table.
 */
import { DEPARTMENTS, KAFKA_SUBGRAPHS, serviceName } from '../topology.ts';
import { dashboard, quantile, rate, ratio, type DashboardSpec, type PanelSpec } from './grafana.ts';

/** Departments whose service or subgraph talks to Kafka (the department table's kafka column), for pod matchers. */
const KAFKA_DEPARTMENTS: readonly string[] = DEPARTMENTS.filter((d) => d.kafka || KAFKA_SUBGRAPHS.includes(d.name)).map((d) => d.name);

/** Router error codes that are the platform's fault (the SLO's bad events; alerts.yml agrees). */
const SERVER_CODES = 'code=~"INTERNAL_SERVER_ERROR|SERVICE_UNAVAILABLE|other"';
/** gRPC status names that are the server's fault. */
const GRPC_FAULTS = 'code=~"INTERNAL|UNKNOWN|UNAVAILABLE|DEADLINE_EXCEEDED|DATA_LOSS"';

const latency = (title: string, bucket: string, by: string, legend: string): PanelSpec => ({
  title,
  description: `p50, p95 and p99 of ${bucket.replace(/_bucket\{?.*$/, '')}.`,
  unit: 's',
  queries: [0.5, 0.95, 0.99].map((q) => ({ expr: quantile(q, bucket, by), legend: `p${q * 100} ${legend}` })),
});

const router: DashboardSpec = {
  uid: 'hospital-router',
  title: 'Hospital / Router',
  description: 'RED of the GraphQL router by operation (safelisted names, else "other"), its subgraph fetches, edge refusals and WebSockets.',
  rows: [
    {
      title: 'Operations',
      panels: [
        {
          title: 'Requests by operation',
          description: 'Operations answered per second.',
          unit: 'reqps',
          queries: [{ expr: rate('graphql_router_requests_total', 'operation'), legend: '{{operation}}' }],
        },
        {
          title: 'Server-error ratio by operation',
          description: "Errors that are the platform's fault (INTERNAL_SERVER_ERROR, SERVICE_UNAVAILABLE, unknown) per operation answered: the SLO's bad events.",
          unit: 'percentunit',
          queries: [
            { expr: ratio(rate(`graphql_router_errors_total{${SERVER_CODES}}`, 'operation'), rate('graphql_router_requests_total', 'operation')), legend: '{{operation}}' },
          ],
        },
        {
          title: 'Errors by code',
          description: 'GraphQL errors answered per second, by extensions.code (client errors included).',
          unit: 'ops',
          queries: [{ expr: rate('graphql_router_errors_total', 'code'), legend: '{{code}}' }],
        },
        {
          title: 'p99 latency by operation',
          description: 'p99 of graphql_router_request_seconds per operation.',
          unit: 's',
          queries: [{ expr: quantile(0.99, 'graphql_router_request_seconds_bucket', 'operation'), legend: '{{operation}}' }],
        },
        latency('Latency, all operations', 'graphql_router_request_seconds_bucket', '', ''),
        {
          title: 'Edge refusals',
          description: 'Requests refused before execution, by admission step and code (rate limits, cost, safelist, load shedding, access).',
          unit: 'ops',
          queries: [{ expr: rate('graphql_router_refusals_total', 'step, code'), legend: '{{step}} {{code}}' }],
        },
      ],
    },
    {
      title: 'Subgraph fetches and WebSockets',
      panels: [
        {
          title: 'Fetches by subgraph and outcome',
          description: 'Router → subgraph fetches per second.',
          unit: 'reqps',
          queries: [{ expr: rate('graphql_router_subgraph_fetches_total', 'subgraph, outcome'), legend: '{{subgraph}} {{outcome}}' }],
        },
        {
          title: 'p99 fetch latency by subgraph',
          description: 'Until the response headers.',
          unit: 's',
          queries: [{ expr: quantile(0.99, 'graphql_router_subgraph_fetch_seconds_bucket', 'subgraph'), legend: '{{subgraph}}' }],
        },
        {
          title: 'Open WebSockets and active subscriptions',
          description: 'Across router pods.',
          unit: 'short',
          queries: [
            { expr: 'sum(graphql_router_open_websockets)', legend: 'WebSockets' },
            { expr: 'sum(graphql_router_active_subscriptions)', legend: 'subscriptions' },
          ],
        },
        {
          title: 'Event-loop lag (p99)',
          description: 'A saturated router shows here first.',
          unit: 's',
          queries: [{ expr: 'max by (pod) (nodejs_eventloop_lag_p99_seconds{service="router"})', legend: '{{pod}}' }],
        },
      ],
    },
  ],
};

/** One department's row: its gRPC service's and its subgraph's RED. */
function departmentRow(name: string): DashboardSpec['rows'][number] {
  const svc = `service="${serviceName(name)}"`;
  const sg = `subgraph="${name}"`;
  return {
    title: name,
    panels: [
      {
        title: `${name}: gRPC calls by code`,
        description: 'Calls per second through the unary wrapper.',
        unit: 'reqps',
        width: 6,
        queries: [{ expr: rate(`grpc_server_handled_total{${svc}}`, 'code'), legend: '{{code}}' }],
      },
      {
        title: `${name}: gRPC server-fault ratio`,
        description: 'INTERNAL, UNKNOWN, UNAVAILABLE, DEADLINE_EXCEEDED, DATA_LOSS per call, by method.',
        unit: 'percentunit',
        width: 6,
        queries: [{ expr: ratio(rate(`grpc_server_handled_total{${svc},${GRPC_FAULTS}}`, 'method'), rate(`grpc_server_handled_total{${svc}}`, 'method')), legend: '{{method}}' }],
      },
      {
        title: `${name}: gRPC p99 by method`,
        description: 'p99 of grpc_server_handling_seconds.',
        unit: 's',
        width: 6,
        queries: [{ expr: quantile(0.99, `grpc_server_handling_seconds_bucket{${svc}}`, 'method'), legend: '{{method}}' }],
      },
      {
        title: `${name}: subgraph requests, errors, p99`,
        description: 'Operations the subgraph answered and errors per second (left), p99 latency (as a series).',
        unit: 'short',
        width: 6,
        queries: [
          { expr: rate(`graphql_subgraph_requests_total{${sg}}`), legend: 'requests/s' },
          { expr: rate(`graphql_subgraph_errors_total{${sg}}`), legend: 'errors/s' },
          { expr: quantile(0.99, `graphql_subgraph_request_seconds_bucket{${sg}}`), legend: 'p99 seconds' },
        ],
      },
    ],
  };
}

const departments: DashboardSpec = {
  uid: 'hospital-departments',
  title: 'Hospital / Departments',
  description: "Each department's RED: its gRPC service (calls by status, server faults, p99 by method) and its subgraph.",
  rows: DEPARTMENTS.map((d) => departmentRow(d.name)),
};

const events: DashboardSpec = {
  uid: 'hospital-events',
  title: 'Hospital / Events pipeline',
  description: 'Appointment events from commit to client: the outbox, the relay to Kafka, the consumers, the router fan-out and delivery latency.',
  rows: [
    {
      title: 'Outbox → Kafka',
      panels: [
        {
          title: 'Unpublished outbox rows',
          description: 'Committed, not yet on Kafka.',
          unit: 'short',
          width: 8,
          queries: [{ expr: 'max(outbox_unpublished_rows)', legend: 'rows' }],
        },
        {
          title: 'Age of the oldest unpublished row',
          description: 'OutboxEventsStuck pages above 5 minutes.',
          unit: 's',
          width: 8,
          queries: [{ expr: 'max(outbox_oldest_unpublished_age_seconds)', legend: 'age' }],
        },
        {
          title: 'Kafka produce errors',
          description: 'Publishes the broker did not acknowledge, by topic.',
          unit: 'ops',
          width: 8,
          queries: [{ expr: rate('hospital_kafka_produce_errors_total', 'topic'), legend: '{{topic}}' }],
        },
      ],
    },
    {
      title: 'Kafka → subscriber',
      panels: [
        {
          title: 'Consumer lag by group',
          description: 'Messages behind the high watermark, summed over partitions.',
          unit: 'short',
          width: 8,
          queries: [{ expr: 'sum by (group, topic) (hospital_kafka_consumer_lag)', legend: '{{group}} {{topic}}' }],
        },
        {
          title: 'Dead letters',
          description: 'Messages sent to the dead-letter topic, by group.',
          unit: 'ops',
          width: 8,
          queries: [{ expr: rate('hospital_kafka_dead_letters_total', 'group, topic'), legend: '{{group}} {{topic}}' }],
        },
        {
          title: 'Active subscriptions',
          description: "Subscriptions on the router's WebSockets.",
          unit: 'short',
          width: 8,
          queries: [{ expr: 'sum(graphql_router_active_subscriptions)', legend: 'subscriptions' }],
        },
        latency('Delivery latency, commit → client', 'hospital_event_delivery_seconds_bucket', '', ''),
        {
          title: 'Deliveries per second',
          description: "Events handed to subscribers' sockets (subscriptions that select occurredAt).",
          unit: 'ops',
          queries: [{ expr: rate('hospital_event_delivery_seconds_count', 'subscription'), legend: '{{subscription}}' }],
        },
      ],
    },
  ],
};

const database: DashboardSpec = {
  uid: 'hospital-database',
  title: 'Hospital / Database',
  description: "The services' PostgreSQL pools: statement latency and errors, saturation, and the audit trail's writes.",
  rows: [
    {
      title: 'Statements',
      panels: [
        {
          title: 'Statements per second by service',
          description: 'SQL statements on pooled connections.',
          unit: 'ops',
          width: 8,
          queries: [{ expr: rate('db_query_seconds_count', 'service'), legend: '{{service}}' }],
        },
        {
          title: 'Statement errors per second',
          description: 'Statements PostgreSQL refused (constraint violations included).',
          unit: 'ops',
          width: 8,
          queries: [{ expr: rate('db_query_seconds_count{outcome="error"}', 'service'), legend: '{{service}}' }],
        },
        {
          title: 'p99 statement latency by service',
          description: 'p99 of db_query_seconds.',
          unit: 's',
          width: 8,
          queries: [{ expr: quantile(0.99, 'db_query_seconds_bucket', 'service'), legend: '{{service}}' }],
        },
      ],
    },
    {
      title: 'Pools',
      panels: [
        {
          title: 'Pool saturation (in use / max)',
          description: 'Per service and pool; near 1 with waiting clients means the pool (or PostgreSQL) is the bottleneck.',
          unit: 'percentunit',
          width: 8,
          queries: [{ expr: 'max by (service, pool) (db_pool_connections{state="in_use"} / clamp_min(db_pool_max_connections, 1))', legend: '{{service}} {{pool}}' }],
        },
        {
          title: 'Clients waiting for a connection',
          description: 'Above 0 for long: saturated.',
          unit: 'short',
          width: 8,
          queries: [{ expr: 'sum by (service, pool) (db_pool_waiting_clients)', legend: '{{service}} {{pool}}' }],
        },
        {
          title: 'Connections by state',
          description: 'Open connections, in use and idle, summed over pods.',
          unit: 'short',
          width: 8,
          queries: [{ expr: 'sum by (service, state) (db_pool_connections)', legend: '{{service}} {{state}}' }],
        },
      ],
    },
    {
      title: 'Audit trail',
      panels: [
        {
          title: 'Audit rows written',
          description: 'By outcome (allowed, denied).',
          unit: 'ops',
          width: 8,
          queries: [{ expr: rate('audit_rows_written_total', 'service, outcome'), legend: '{{service}} {{outcome}}' }],
        },
        {
          title: 'Audit write failures',
          description: 'Each one refused a read (AuditWriteFailures pages).',
          unit: 'short',
          width: 8,
          queries: [{ expr: 'sum by (service) (increase(audit_write_failures_total[5m]))', legend: '{{service}}' }],
        },
        {
          title: 'p99 audit write latency',
          description: "One INSERT of a call's rows.",
          unit: 's',
          width: 8,
          queries: [{ expr: quantile(0.99, 'audit_write_seconds_bucket', 'service'), legend: '{{service}}' }],
        },
        {
          title: 'Audit backlog and back-pressure',
          description: 'Rows waiting for the sealer (left) and writes refused past the backlog limit per second.',
          unit: 'short',
          width: 12,
          queries: [
            { expr: 'max by (service) (audit_pending_rows)', legend: 'pending {{service}}' },
            { expr: rate('audit_backpressure_refusals_total', 'service'), legend: 'refused/s {{service}}' },
          ],
        },
      ],
    },
  ],
};

const kafka: DashboardSpec = {
  uid: 'hospital-kafka',
  title: 'Hospital / Kafka',
  description: "The platform's Kafka clients: produce errors, consumer lag per partition, dead letters, and the pods that use Kafka.",
  rows: [
    {
      title: 'Clients',
      panels: [
        {
          title: 'Produce errors by topic',
          description: 'Unacknowledged publishes (the outbox relay retries them).',
          unit: 'ops',
          queries: [{ expr: rate('hospital_kafka_produce_errors_total', 'topic'), legend: '{{topic}}' }],
        },
        {
          title: 'Consumer lag by partition',
          description: 'Messages behind the high watermark after the last handled message.',
          unit: 'short',
          queries: [{ expr: 'max by (group, topic, partition) (hospital_kafka_consumer_lag)', legend: '{{group}} {{topic}}/{{partition}}' }],
        },
        {
          title: 'Dead letters by group',
          description: 'Messages a consumer gave up on.',
          unit: 'short',
          queries: [{ expr: 'sum by (group, topic) (increase(hospital_kafka_dead_letters_total[1h]))', legend: '{{group}} {{topic}}' }],
        },
        {
          title: 'Restarts of Kafka-using pods',
          description: 'kube-state-metrics: container restarts in the last hour.',
          unit: 'short',
          queries: [{ expr: `sum by (pod) (increase(kube_pod_container_status_restarts_total{pod=~"(${KAFKA_DEPARTMENTS.join('|')}).*"}[1h]))`, legend: '{{pod}}' }],
        },
      ],
    },
  ],
};

/** The dashboards, by file name under k8s/observability/dashboards/. */
export const DASHBOARDS: Record<string, DashboardSpec> = {
  'router.json': router,
  'departments.json': departments,
  'events-pipeline.json': events,
  'database.json': database,
  'kafka.json': kafka,
};

/** File name → JSON text of every dashboard. */
export function dashboardFiles(): Record<string, string> {
  return Object.fromEntries(Object.entries(DASHBOARDS).map(([file, spec]) => [file, `${JSON.stringify(dashboard(spec), null, 2)}\n`]));
}
