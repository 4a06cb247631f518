/** @hospital/identity-subgraph: users and sign-in on the supergraph, over the identity gRPC service. */
import type { Logger } from '@hospital/service-kit';
import { createAuditClient, createIdentityClient, type AuditClient, type IdentityClient } from '@hospital/grpc-contracts';
import { listenDepartmentSubgraph, type RunningSubgraph } from '@hospital/subgraph-kit';
import { createIdentitySubgraph } from './subgraph.ts';

export { createIdentitySubgraph, identityTypeDefs } from './subgraph.ts';
export { loadConfig } from './env.ts';

/** What the identity subgraph needs to run. */
export interface IdentitySubgraphConfig {
  /** HTTP port; 0 picks a free one. */
  port: number;
  /** Interface to bind (127.0.0.1 by default). */
  host?: string;
  /** host:port of the identity gRPC service. */
  identityTarget: string;
  /** INTERNAL_SECRET shared with the router and services. */
  internalSecret: string;
  /** Masks internal errors and disables introspection. */
  production: boolean;
  /** Deadline per gRPC call, in milliseconds (5000 by default). */
  grpcDeadlineMs?: number;
}

/** Dependencies; `client` replaces the one built from `identityTarget` (tests wrap it to count calls). */
export interface IdentitySubgraphDeps {
  /** Root logger of the process. */
  logger: Logger;
  /** The gRPC client to use instead of one built from the config (left open on close). */
  client?: IdentityClient;
  /** The audit client to use instead of one built from the config (left open on close). */
  audit?: AuditClient;
}

/**
 * Starts the identity subgraph.
 * @param config - ports, gRPC target, secret, mode
 * @param deps - logger and, optionally, the gRPC client to use
 */
export async function startIdentitySubgraph(config: IdentitySubgraphConfig, deps: IdentitySubgraphDeps): Promise<RunningSubgraph> {
  const audit = deps.audit ?? createAuditClient({ target: config.identityTarget, deadlineMs: config.grpcDeadlineMs ?? 5_000 });
  let running: RunningSubgraph;
  try {
    running = await listen(config, deps, audit);
  } catch (error) {
    if (!deps.audit) audit.close();
    throw error;
  }
  return {
    ...running,
    async close() {
      await running.close();
      if (!deps.audit) audit.close();
    },
  };
}

function listen(config: IdentitySubgraphConfig, deps: IdentitySubgraphDeps, audit: AuditClient): Promise<RunningSubgraph> {
  return listenDepartmentSubgraph({
    target: config.identityTarget,
    ...(config.grpcDeadlineMs ? { deadlineMs: config.grpcDeadlineMs } : {}),
    ...(deps.client ? { client: deps.client } : {}),
    createClient: createIdentityClient,
    build: (client, ready) =>
      createIdentitySubgraph({ client, audit, internalSecret: config.internalSecret, production: config.production, logger: deps.logger, ready }),
    port: config.port,
    ...(config.host ? { host: config.host } : {}),
  });
}
