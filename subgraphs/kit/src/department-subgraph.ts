/**
 * What every department subgraph shares around its own schema and resolvers: the same
 * environment variables under its own prefix, and the same start-up (a gRPC client to its
 * service, readiness from that service's health, closing what it opened).
 */
import { z } from 'zod';
import { internalSecretEnv, logEnv, nodeEnv, parseEnv, port, type LevelWithSilent, type Logger } from '@hospital/service-kit';
import { checkHealth } from '@hospital/service-kit/grpc';
import type { DocumentNode } from 'graphql';
import { createSubgraphServer, type RunningSubgraph, type SubgraphResolverMap, type SubgraphServer, type SubgraphServerOptions } from './server.ts';

/** The settings every department subgraph reads. */
export interface DepartmentSubgraphSettings {
  port: number;
  host: string;
  /** host:port of the department's gRPC service. */
  grpcTarget: string;
  grpcDeadlineMs: number;
  internalSecret: string;
  production: boolean;
  logLevel: LevelWithSilent;
}

/**
 * Parses `<PREFIX>_SUBGRAPH_PORT`, `<PREFIX>_SUBGRAPH_HOST`, `<PREFIX>_GRPC_TARGET`,
 * `GRPC_DEADLINE_MS`, `INTERNAL_SECRET`, `NODE_ENV`, `LOG_LEVEL`, plus any extra variables,
 * reporting every problem at once.
 * @param prefix - the department in upper case, e.g. "WARD"
 * @param defaults - default subgraph port and gRPC port
 * @param env - the variables (process.env in main.ts)
 * @param extra - further variables of this subgraph
 */
// eslint-disable-next-line @typescript-eslint/no-generated-empty-object-type -- no extra variables unless a subgraph names some
export function parseDepartmentSubgraphEnv<E extends z.ZodRawShape = Record<never, never>>(
  prefix: string,
  defaults: { port: number; grpcPort: number },
  env: Record<string, string | undefined>,
  extra?: E,
): [settings: DepartmentSubgraphSettings, extra: z.infer<z.ZodObject<E>>] {
  const keys = { port: `${prefix}_SUBGRAPH_PORT`, host: `${prefix}_SUBGRAPH_HOST`, target: `${prefix}_GRPC_TARGET` };
  const schema = z.object({
    [keys.port]: port(defaults.port),
    [keys.host]: z.string().default('127.0.0.1'),
    [keys.target]: z.string().default(`127.0.0.1:${defaults.grpcPort}`),
    GRPC_DEADLINE_MS: z.coerce.number().int().positive().default(5000),
    ...internalSecretEnv,
    ...nodeEnv,
    ...logEnv,
    ...extra,
  });
  // parseEnv refuses the public development INTERNAL_SECRET in production, for every runnable alike.
  const parsed = parseEnv(schema, env) as Record<string, unknown>;
  const extraValues = Object.fromEntries(Object.keys(extra ?? {}).map((key) => [key, parsed[key]])) as z.infer<z.ZodObject<E>>;
  const settings: DepartmentSubgraphSettings = {
    port: parsed[keys.port] as number,
    host: parsed[keys.host] as string,
    grpcTarget: parsed[keys.target] as string,
    grpcDeadlineMs: parsed['GRPC_DEADLINE_MS'] as number,
    internalSecret: parsed['INTERNAL_SECRET'] as string,
    production: parsed['NODE_ENV'] === 'production',
    logLevel: parsed['LOG_LEVEL'] as LevelWithSilent,
  };
  return [settings, extraValues];
}

/**
 * Opens the department's gRPC client (unless one is handed in), builds the subgraph with it and
 * listens; close() also closes the client it opened (a client handed in belongs to the caller).
 * @param options - target, deadline, optional client, client factory, subgraph builder, port, host
 */
export async function listenDepartmentSubgraph<C extends { close(): void }>(options: {
  target: string;
  deadlineMs?: number;
  client?: C;
  createClient: (options: { target: string; deadlineMs: number }) => C;
  build: (client: C, ready: () => Promise<boolean>) => SubgraphServer;
  port: number;
  host?: string;
}): Promise<RunningSubgraph> {
  const client = options.client ?? options.createClient({ target: options.target, deadlineMs: options.deadlineMs ?? 5_000 });
  const server = options.build(client, async () => (await checkHealth(options.target)) === 'SERVING');
  const running = await server.listen(options.port, options.host);
  return {
    ...running,
    async close() {
      await running.close();
      if (!options.client) client.close();
    },
  };
}

/** What a department subgraph is built from ({@link startDepartmentSubgraph} hands it to the builder). */
export interface DepartmentSubgraphBuild<C> {
  /** Promise client of the department's gRPC service. */
  client: C;
  /** INTERNAL_SECRET, to verify the router's identity header. */
  internalSecret: string;
  /** Masks internal errors and disables introspection. */
  production: boolean;
  /** Root logger of the process. */
  logger: Logger;
  /** Readiness probe for `/ready` (the service's gRPC health). */
  ready?: () => Promise<boolean>;
}

/**
 * The server options every department subgraph passes on unchanged from its build options.
 * @param options - the build options
 */
export function sharedServerOptions(options: DepartmentSubgraphBuild<unknown>): Pick<SubgraphServerOptions, 'internalSecret' | 'production' | 'logger' | 'ready'> {
  return { internalSecret: options.internalSecret, production: options.production, logger: options.logger, ready: options.ready };
}

/**
 * Creates a department's subgraph server from its own parts (name, SDL, resolvers) and the
 * build options every department passes on unchanged (call `listen` to serve it).
 * @param parts - the department's name, SDL and resolvers
 * @param options - the build options (client, secret, mode, logger, readiness)
 */
export function createDepartmentSubgraph(
  parts: { name: string; typeDefs: DocumentNode; resolvers: SubgraphResolverMap },
  options: DepartmentSubgraphBuild<unknown>,
): SubgraphServer {
  return createSubgraphServer({ ...parts, ...sharedServerOptions(options) });
}

/**
 * A department subgraph's start function in one call: its config and deps types fit as they are,
 * and its createXSubgraph takes the options built here.
 * @param options - config, deps (logger, optional client), the gRPC target, client factory and builder
 */
export function startDepartmentSubgraph<C extends { close(): void }>(options: {
  config: { port: number; host?: string; grpcDeadlineMs?: number; internalSecret: string; production: boolean };
  deps: { logger: Logger; client?: C };
  target: string;
  createClient: (options: { target: string; deadlineMs: number }) => C;
  build: (options: DepartmentSubgraphBuild<C>) => SubgraphServer;
}): Promise<RunningSubgraph> {
  const { config, deps } = options;
  return listenDepartmentSubgraph({
    target: options.target,
    deadlineMs: config.grpcDeadlineMs,
    client: deps.client,
    createClient: options.createClient,
    build: (client, ready) => options.build({ client, internalSecret: config.internalSecret, production: config.production, logger: deps.logger, ready }),
    port: config.port,
    host: config.host,
  });
}
