/**
 * Which runnables make up the system for `npm start`, in start order, with their ports.
 * Departments, their order and ports come from the department table (`@hospital/grpc-contracts/departments`).
 */
import path from 'node:path';
import { type z } from 'zod';
import { port } from '@hospital/service-kit';
import { EVENT_BUS_VARIABLES } from '@hospital/service-kit/events-env';
import { DEPARTMENTS, LOCAL_HOST, runnableName } from '@hospital/grpc-contracts/departments';
import type { ChildSpec } from './process-tree.ts';

const HOST = LOCAL_HOST;

/** The departments' names (each runs `<name>-service` and has a database role `hospital_<name>`). */
export const DEPARTMENT_NAMES: readonly string[] = DEPARTMENTS.map((department) => department.name);

/** Where each department listens: gRPC service, subgraph and the service's `/metrics` port (0: off), by department name. */
export type DepartmentPorts = Record<string, { grpcPort: number; subgraphPort: number; metricsPort: number }>;

/** The default ports, from the department table. */
export const DEFAULT_DEPARTMENT_PORTS: DepartmentPorts = Object.fromEntries(
  DEPARTMENTS.map((d) => [d.name, { grpcPort: d.grpcPort, subgraphPort: d.subgraphPort, metricsPort: d.metricsPort }]),
);

/**
 * The launcher's port variables, `<DEPT>_GRPC_PORT` and `<DEPT>_SUBGRAPH_PORT` (the names each
 * runnable reads too) and `<DEPT>_METRICS_PORT` (handed to that service as its METRICS_PORT; 0
 * turns it off), with the defaults above: set them to run a second system beside the first.
 */
export const departmentPortsEnv: Record<string, z.ZodType<number>> = Object.fromEntries(
  DEPARTMENTS.flatMap((d) => [
    [`${d.name.toUpperCase()}_GRPC_PORT`, port(d.grpcPort)],
    [`${d.name.toUpperCase()}_SUBGRAPH_PORT`, port(d.subgraphPort)],
    [`${d.name.toUpperCase()}_METRICS_PORT`, port(d.metricsPort)],
  ]),
);

/**
 * The department ports from the parsed {@link departmentPortsEnv} variables.
 * @param parsed - the launcher's parsed environment
 */
export function departmentPortsFrom(parsed: Record<string, unknown>): DepartmentPorts {
  return Object.fromEntries(
    DEPARTMENTS.map((d) => {
      const upper = d.name.toUpperCase();
      const at = (variable: string, fallback: number) => Number(parsed[`${upper}_${variable}`] ?? fallback);
      return [d.name, { grpcPort: at('GRPC_PORT', d.grpcPort), subgraphPort: at('SUBGRAPH_PORT', d.subgraphPort), metricsPort: at('METRICS_PORT', d.metricsPort) }];
    }),
  );
}

/**
 * The Kafka settings to pass through to every child (the service kit's event-bus variables, each
 * when set): none unless KAFKA_BROKERS is set, so `npm start` stays on the PostgreSQL-only event
 * path by default.
 * @param env - the launcher's environment
 */
export function eventBusEnv(env: Record<string, string | undefined>): Record<string, string> {
  if (!env['KAFKA_BROKERS']) return {};
  return Object.fromEntries(EVENT_BUS_VARIABLES.flatMap((name) => (env[name] ? [[name, env[name]]] : [])));
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
 * The secrets a department's own service holds beyond the shared environment: the JWT signing key
 * for identity, none for the others (no other child may receive the key, not even empty).
 * @param department - the department's name
 * @param secrets - see {@link LauncherSecrets}
 */
function serviceSecrets(department: string, secrets: LauncherSecrets): Record<string, string> {
  return department === 'identity' ? { JWT_PRIVATE_KEY: secrets.jwtPrivateKeyPem } : {};
}

/**
 * One variable for a child, or none when the value is unset or empty: a child reads a variable
 * that is present, even empty, instead of applying its own default (LOG_LEVEL, NODE_ENV), and the
 * layout's environments hold strings only.
 * @param name - the variable's name in the child
 * @param value - the launcher's value
 */
function variableIfSet(name: string, value: string | undefined): Record<string, string> {
  return value ? { [name]: value } : {};
}

/**
 * The start order: gRPC services, then the subgraphs that call them, then the router.
 * @param root - repository root
 * @param shared - environment every child gets (database, internal secret, public keys, log level)
 * @param secrets - see {@link LauncherSecrets}; each goes to the one child that needs it
 * @param ports - where each department listens (default {@link DEFAULT_DEPARTMENT_PORTS})
 */
export function systemLayout(root: string, shared: Record<string, string>, secrets: LauncherSecrets, ports: DepartmentPorts = DEFAULT_DEPARTMENT_PORTS): ChildSpec[] {
  const upper = (name: string) => name.toUpperCase();
  const departments = DEPARTMENTS.map((d) => ({ name: d.name, ...(ports[d.name] ?? d) }));
  // Every runnable learns where every gRPC service is (<DEPT>_GRPC_TARGET) and reads what it needs.
  const grpcTargets = Object.fromEntries(departments.map((d) => [`${upper(d.name)}_GRPC_TARGET`, `${HOST}:${d.grpcPort}`]));
  const services: ChildSpec[] = departments.map((d) => ({
    name: runnableName(d.name, 'service'),
    entry: path.join(root, 'grpc-internal/services', d.name, 'src/main.ts'),
    command: ['service', d.name],
    env: {
      ...shared,
      ...grpcTargets,
      [`${upper(d.name)}_GRPC_PORT`]: String(d.grpcPort),
      [`${upper(d.name)}_GRPC_HOST`]: HOST,
      METRICS_PORT: String(d.metricsPort),
      ...serviceSecrets(d.name, secrets),
    },
    ready: { tcp: { host: HOST, port: d.grpcPort } },
  }));
  const subgraphs: ChildSpec[] = departments.map((d) => ({
    name: runnableName(d.name, 'subgraph'),
    entry: path.join(root, 'subgraphs', d.name, 'src/main.ts'),
    command: ['subgraph', d.name],
    env: {
      ...shared,
      ...grpcTargets,
      [`${upper(d.name)}_SUBGRAPH_PORT`]: String(d.subgraphPort),
      [`${upper(d.name)}_SUBGRAPH_HOST`]: HOST,
      [`${upper(d.name)}_GRPC_TARGET`]: `${HOST}:${d.grpcPort}`,
    },
    ready: { http: `http://${HOST}:${d.subgraphPort}/health` },
  }));
  const subgraphUrls = Object.fromEntries(departments.map((d) => [`SUBGRAPH_${upper(d.name)}_URL`, `http://${HOST}:${d.subgraphPort}/graphql`]));
  const router: ChildSpec = {
    name: 'router',
    entry: path.join(root, 'router/src/main.ts'),
    command: ['router'],
    // The router polls identity for token revocations. The web server forwards the browser's
    // address in X-Forwarded-For and proves it with the proxy secret; trusting loopback instead
    // would let any process on this host name any address in rate limits and the audit trail.
    env: {
      ...shared,
      ROUTER_PROXY_SECRET: secrets.proxySecret,
      ...subgraphUrls,
      IDENTITY_GRPC_TARGET: grpcTargets['IDENTITY_GRPC_TARGET'] ?? `${HOST}:${DEFAULT_DEPARTMENT_PORTS['identity']?.grpcPort}`,
    },
    ready: { http: `http://${HOST}:${shared['ROUTER_PORT'] ?? '4000'}/health` },
  };

  const routerPort = shared['ROUTER_PORT'] ?? '4000';
  const webPort = shared['WEB_PORT'] ?? '3000';
  // The web server serves the built dashboards and forwards /graphql (HTTP and WebSocket) to the router.
  const web: ChildSpec = {
    name: 'web',
    entry: path.join(root, 'web/server/main.ts'),
    command: ['web'],
    // It needs neither the database nor the internal secret, so it gets neither.
    env: {
      ...variableIfSet('LOG_LEVEL', shared['LOG_LEVEL']),
      ...variableIfSet('NODE_ENV', shared['NODE_ENV']),
      WEB_PORT: webPort,
      WEB_HOST: HOST,
      ROUTER_URL: `http://${HOST}:${routerPort}/graphql`,
      WEB_PROXY_SECRET: secrets.proxySecret,
      // 0 turns the web server's /metrics off, as absence does.
      ...variableIfSet('METRICS_PORT', shared['WEB_METRICS_PORT'] === '0' ? undefined : shared['WEB_METRICS_PORT']),
    },
    ready: { http: `http://${HOST}:${webPort}/config.json` },
  };
  return [...services, ...subgraphs, router, web];
}

/** The kinds of runnable (each one's entry-point command) in start order. */
const START_ORDER = ['service', 'subgraph', 'router', 'web'];

/**
 * The layout's runnables in start tiers: gRPC services, then the subgraphs that call them, then the
 * router, then the web server; a tier needs only the ones before it. A runnable's tier is its kind,
 * the entry point's command (`['service', 'patients']`), not a reading of its name.
 * @param specs - the runnables from {@link systemLayout}
 */
export function startTiers(specs: readonly ChildSpec[]): ChildSpec[][] {
  return START_ORDER.map((kind) => specs.filter((spec) => spec.command[0] === kind));
}

/**
 * Where Prometheus finds each runnable's `/metrics` under `npm start` (printed at start): the
 * router's and each service's own port, each subgraph's beside its `/graphql`. Ports set to 0 are off.
 * @param ports - the departments' ports
 * @param routerMetricsPort - ROUTER_METRICS_PORT
 * @param webMetricsPort - WEB_METRICS_PORT (0 or absent: off)
 */
export function metricsEndpoints(ports: DepartmentPorts, routerMetricsPort: number, webMetricsPort = 0): Array<{ name: string; url: string }> {
  const url = (port: number) => `http://${HOST}:${port}/metrics`;
  const departments = DEPARTMENTS.map((d) => ({ name: d.name, ...(ports[d.name] ?? d) }));
  return [
    ...(routerMetricsPort ? [{ name: 'router', url: url(routerMetricsPort) }] : []),
    ...departments.filter((d) => d.metricsPort).map((d) => ({ name: runnableName(d.name, 'service'), url: url(d.metricsPort) })),
    ...departments.map((d) => ({ name: runnableName(d.name, 'subgraph'), url: url(d.subgraphPort) })),
    ...(webMetricsPort ? [{ name: 'web', url: url(webMetricsPort) }] : []),
  ];
}
