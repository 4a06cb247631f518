/**
 * Which runnables make up the system for `npm start`, in start order, with their ports.
 * Adding a department means adding its service and subgraph here.
 */
import path from 'node:path';
import type { ChildSpec } from './process-tree.ts';

const HOST = '127.0.0.1';

/** Departments in start order (a service may call those before it), with their default ports. */
const DEPARTMENTS = [
  { name: 'identity', grpcPort: 50051, subgraphPort: 4001 },
  { name: 'patients', grpcPort: 50052, subgraphPort: 4002 },
  { name: 'appointments', grpcPort: 50053, subgraphPort: 4003 },
  { name: 'notifications', grpcPort: 50054, subgraphPort: 4004 },
  { name: 'finance', grpcPort: 50055, subgraphPort: 4005 },
  { name: 'pharmacy', grpcPort: 50056, subgraphPort: 4006 },
  { name: 'ward', grpcPort: 50057, subgraphPort: 4007 },
];

/** The departments' names (each runs `<name>-service` and has a database role `hospital_<name>`). */
export const DEPARTMENT_NAMES: readonly string[] = DEPARTMENTS.map((department) => department.name);

/** Event-bus variables handed to every child when the launcher's environment sets them. */
const EVENT_VARIABLES = [
  'KAFKA_BROKERS',
  'KAFKA_CLIENT_ID',
  'APPOINTMENTS_TOPIC',
  'APPOINTMENTS_TOPIC_PARTITIONS',
  'APPOINTMENTS_TOPIC_RETENTION_MS',
  'APPOINTMENTS_DLQ_TOPIC',
] as const;

/**
 * The Kafka settings to pass through: none unless KAFKA_BROKERS is set, so `npm start` stays on
 * the PostgreSQL-only event path by default.
 * @param env - the launcher's environment
 */
export function eventBusEnv(env: Record<string, string | undefined>): Record<string, string> {
  if (!env['KAFKA_BROKERS']) return {};
  return Object.fromEntries(EVENT_VARIABLES.flatMap((name) => (env[name] ? [[name, env[name]]] : [])));
}

/** Variables no child inherits from the launcher's environment: each is handed to its one child explicitly. */
const NOT_INHERITED = ['JWT_PRIVATE_KEY', 'ROUTER_PROXY_SECRET', 'WEB_PROXY_SECRET', 'INTERNAL_SECRET', 'DATABASE_URL'];

/**
 * A child's environment: the launcher's (PATH, NODE_OPTIONS, …) without its secrets, plus the child's own.
 * @param inherited - the launcher's environment
 * @param own - the child's variables from {@link systemLayout}
 */
export function childEnvironment(inherited: Record<string, string | undefined>, own: Record<string, string>): Record<string, string | undefined> {
  const base = Object.fromEntries(Object.entries(inherited).filter(([name]) => !NOT_INHERITED.includes(name)));
  return { ...base, ...own };
}

/** Secrets only some children may see. */
export interface LauncherSecrets {
  /** The JWT signing key: the identity service signs tokens; nobody else may hold it. */
  jwtPrivateKeyPem: string;
  /** Shared by the web server (WEB_PROXY_SECRET) and the router (ROUTER_PROXY_SECRET) only. */
  proxySecret: string;
}

/**
 * The start order: gRPC services, then the subgraphs that call them, then the router.
 * @param root - repository root
 * @param shared - environment every child gets (database, internal secret, public keys, log level)
 * @param secrets - see {@link LauncherSecrets}; each goes to the one child that needs it
 */
export function systemLayout(root: string, shared: Record<string, string>, secrets: LauncherSecrets): ChildSpec[] {
  const upper = (name: string) => name.toUpperCase();
  // Every runnable learns where every gRPC service is (<DEPT>_GRPC_TARGET) and reads what it needs.
  const grpcTargets = Object.fromEntries(DEPARTMENTS.map((d) => [`${upper(d.name)}_GRPC_TARGET`, `${HOST}:${d.grpcPort}`]));
  const services: ChildSpec[] = DEPARTMENTS.map((d) => ({
    name: `${d.name}-service`,
    entry: path.join(root, 'grpc-internal/services', d.name, 'src/main.ts'),
    env: {
      ...shared,
      ...grpcTargets,
      [`${upper(d.name)}_GRPC_PORT`]: String(d.grpcPort),
      [`${upper(d.name)}_GRPC_HOST`]: HOST,
      ...(d.name === 'identity' ? { JWT_PRIVATE_KEY: secrets.jwtPrivateKeyPem } : {}),
    },
    ready: { tcp: { host: HOST, port: d.grpcPort } },
  }));
  const subgraphs: ChildSpec[] = DEPARTMENTS.map((d) => ({
    name: `${d.name}-subgraph`,
    entry: path.join(root, 'subgraphs', d.name, 'src/main.ts'),
    env: {
      ...shared,
      ...grpcTargets,
      [`${upper(d.name)}_SUBGRAPH_PORT`]: String(d.subgraphPort),
      [`${upper(d.name)}_SUBGRAPH_HOST`]: HOST,
      [`${upper(d.name)}_GRPC_TARGET`]: `${HOST}:${d.grpcPort}`,
    },
    ready: { http: `http://${HOST}:${d.subgraphPort}/health` },
  }));
  const subgraphUrls = Object.fromEntries(
    DEPARTMENTS.map((d) => [`SUBGRAPH_${upper(d.name)}_URL`, `http://${HOST}:${d.subgraphPort}/graphql`]),
  );
  const router: ChildSpec = {
    name: 'router',
    entry: path.join(root, 'router/src/main.ts'),
    // The router polls identity for token revocations. The web server forwards the browser's
    // address in X-Forwarded-For and proves it with the proxy secret; trusting loopback instead
    // would let any process on this host name any address in rate limits and the audit trail.
    env: {
      ...shared,
      ROUTER_PROXY_SECRET: secrets.proxySecret,
      ...subgraphUrls,
      IDENTITY_GRPC_TARGET: grpcTargets['IDENTITY_GRPC_TARGET'] ?? `${HOST}:50051`,
    },
    ready: { http: `http://${HOST}:${shared['ROUTER_PORT'] ?? '4000'}/health` },
  };

  const routerPort = shared['ROUTER_PORT'] ?? '4000';
  const webPort = shared['WEB_PORT'] ?? '3000';
  // The web server serves the built dashboards and forwards /graphql (HTTP and WebSocket) to the router.
  const web: ChildSpec = {
    name: 'web',
    entry: path.join(root, 'web/server/main.ts'),
    // It needs neither the database nor the internal secret, so it gets neither.
    env: {
      ...(shared['LOG_LEVEL'] ? { LOG_LEVEL: shared['LOG_LEVEL'] } : {}),
      ...(shared['NODE_ENV'] ? { NODE_ENV: shared['NODE_ENV'] } : {}),
      WEB_PORT: webPort,
      WEB_HOST: HOST,
      ROUTER_URL: `http://${HOST}:${routerPort}/graphql`,
      WEB_PROXY_SECRET: secrets.proxySecret,
    },
    ready: { http: `http://${HOST}:${webPort}/config.json` },
  };
  return [...services, ...subgraphs, router, web];
}
