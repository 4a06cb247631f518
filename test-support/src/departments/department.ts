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
