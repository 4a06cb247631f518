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
}

/** Something running that the harness closes at the end. */
export interface Running {
  port: number;
  close(): Promise<void>;
}

/** One department of the end-to-end system. */
export interface DepartmentStarter {
  /** Subgraph name as in the supergraph (= folder name). */
  name: string;
  /** Starts the gRPC service on port 0. */
  startService(ctx: StartContext): Promise<Running>;
  /** Starts the subgraph on port 0, talking to its service at grpcTarget. */
  startSubgraph(ctx: StartContext, grpcTarget: string): Promise<Running & { url: string }>;
}
