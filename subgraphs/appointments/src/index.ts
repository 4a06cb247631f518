/** @hospital/appointments-subgraph: appointments on the supergraph, over the appointments gRPC service. */
import { checkHealth, type Logger } from '@hospital/service-kit';
import { createAppointmentsClient, type AppointmentsClient } from '@hospital/grpc-contracts';
import type { RunningSubgraph } from '@hospital/subgraph-kit';
import { createAppointmentsSubgraph } from './subgraph.ts';

export { createAppointmentsSubgraph, appointmentsTypeDefs } from './subgraph.ts';
export { loadConfig } from './env.ts';

/** What the appointments subgraph needs to run. */
export interface AppointmentsSubgraphConfig {
  /** HTTP port; 0 picks a free one. */
  port: number;
  /** Interface to bind (127.0.0.1 by default). */
  host?: string;
  /** host:port of the appointments gRPC service. */
  appointmentsTarget: string;
  /** INTERNAL_SECRET shared with the router and services. */
  internalSecret: string;
  /** Masks internal errors and disables introspection. */
  production: boolean;
  /** Deadline per gRPC call, in milliseconds (5000 by default). */
  grpcDeadlineMs?: number;
}

/** Dependencies; `client` replaces the one built from `appointmentsTarget` (tests wrap it to count calls). */
export interface AppointmentsSubgraphDeps {
  /** Root logger of the process. */
  logger: Logger;
  /** The gRPC client to use instead of one built from the config (left open on close). */
  client?: AppointmentsClient;
}

/**
 * Starts the appointments subgraph.
 * @param config - ports, gRPC target, secret, mode
 * @param deps - logger and, optionally, the gRPC client to use
 */
export async function startAppointmentsSubgraph(config: AppointmentsSubgraphConfig, deps: AppointmentsSubgraphDeps): Promise<RunningSubgraph> {
  const client = deps.client ?? createAppointmentsClient({ target: config.appointmentsTarget, deadlineMs: config.grpcDeadlineMs ?? 5_000 });
  const server = createAppointmentsSubgraph({
    client,
    internalSecret: config.internalSecret,
    production: config.production,
    logger: deps.logger,
    ready: async () => (await checkHealth(config.appointmentsTarget)) === 'SERVING',
  });
  const running = await server.listen(config.port, config.host);
  return {
    ...running,
    async close() {
      await running.close();
      // A client handed in belongs to the caller.
      if (!deps.client) client.close();
    },
  };
}
