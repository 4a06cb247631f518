/** How the end-to-end harness starts one department: its gRPC service, then its subgraph. */
import type { Logger } from '@hospital/service-kit';

/** What every department's starter gets from the harness. */
export interface StartContext {
  databaseUrl: string;
  internalSecret: string;
  logger: Logger;
  production: boolean;
  /** ES256 signing material (identity issues tokens). */
  jwt: { privateKeyPem: string; keyId: string; issuer: string; audience: string };
  /** host:port of the gRPC services started so far, by department (for service-to-service calls). */
  grpcTargets: Record<string, string>;
  /** Events over the run's Kafka broker (true in tests); false: over PostgreSQL (PullEvents). */
  kafka: boolean;
  /** Patients stops registrations of possible duplicates (off unless a test asks: fixtures reuse names). */
  possibleDuplicateCheck?: boolean;
}

/** Something running that the harness closes at the end. */
export interface Running {
  port: number;
  close(): Promise<void>;
}

/** A running subgraph; subgraphs with subscriptions also say how many are open. */
export type RunningSubgraphHandle = Running & { url: string; activeSubscriptions?(): number };

/** One department of the end-to-end system. */
export interface DepartmentStarter {
  /** Subgraph name as in the supergraph (= folder name). */
  name: string;
  /** Starts the gRPC service on port 0. */
  startService(ctx: StartContext): Promise<Running>;
  /**
   * Starts the subgraph, talking to its service at grpcTarget.
   * @param port - 0 (the default) picks a free one; a restart passes the port it had, which
   *   starters that take no port ignore (the harness then refuses the restart)
   */
  startSubgraph(ctx: StartContext, grpcTarget: string, port?: number): Promise<RunningSubgraphHandle>;
}

/**
 * The gRPC targets of the departments a service calls: the department table starts them first, so
 * a missing one means the table's order is wrong, and the error says which.
 * @param ctx - the start context (its grpcTargets)
 * @param needer - the department that calls them, named in the error
 * @param peers - the departments it calls
 */
export function peerTargets<P extends string>(ctx: StartContext, needer: string, ...peers: P[]): Record<P, string> {
  const missing = peers.filter((peer) => !ctx.grpcTargets[peer]);
  if (missing.length > 0) throw new Error(`${needer} needs the ${missing.join(', ')} service(s) started before it`);
  return Object.fromEntries(peers.map((peer) => [peer, ctx.grpcTargets[peer]])) as Record<P, string>;
}
