/** @hospital/identity-subgraph: users and sign-in on the supergraph, over the identity gRPC service. */
import { createAuditClient, createIdentityClient, type AuditClient } from '@hospital/grpc-contracts';
import { startDepartmentSubgraph, type RunningSubgraph } from '@hospital/subgraph-kit';
import { createIdentitySubgraph } from './subgraph.ts';
import type { IdentitySubgraphConfig, IdentitySubgraphDeps } from './config.ts';

export { createIdentitySubgraph, identityTypeDefs } from './subgraph.ts';
export { loadConfig } from './env.ts';
export type { IdentitySubgraphConfig, IdentitySubgraphDeps } from './config.ts';

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
  return startDepartmentSubgraph({
    config,
    deps,
    target: config.identityTarget,
    createClient: createIdentityClient,
    build: (options) => createIdentitySubgraph({ ...options, audit }),
  });
}
