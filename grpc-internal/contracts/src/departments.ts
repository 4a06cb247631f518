/**
 * The one department table: every department's name (= its folders `grpc-internal/services/<name>`
 * and `subgraphs/<name>`, its subgraph name in the supergraph, its `<NAME>_…` variables), its
 * default local ports, and whose gRPC services its own service calls. The router's subgraph list,
 * the launcher, the Kubernetes topology, every runnable's env defaults and codegen read it, so
 * adding a department means adding its folders and one row here.
 *
 * No imports: the web build, scripts and every package may import it
 * (`@hospital/grpc-contracts/departments`) without pulling gRPC in.
 */

/** One row of {@link DEPARTMENTS}. */
export interface DepartmentRow {
  /** Lower-case name, also the folder names and the subgraph name. */
  readonly name: string;
  /** Default port of the department's gRPC service (`<NAME>_GRPC_PORT`). */
  readonly grpcPort: number;
  /** Default port of the department's subgraph (`<NAME>_SUBGRAPH_PORT`). */
  readonly subgraphPort: number;
  /** Port of the service's `/metrics` under `npm start` (its METRICS_PORT; in Kubernetes every pod uses 9464). */
  readonly metricsPort: number;
  /** Departments whose gRPC service this department's service calls (a `<DEPT>_GRPC_TARGET` in its env.ts). */
  readonly calls: readonly string[];
}

/** Departments in start order (a service may call those before it). */
export const DEPARTMENTS = [
  { name: 'identity', grpcPort: 50051, subgraphPort: 4001, metricsPort: 9461, calls: [] },
  { name: 'patients', grpcPort: 50052, subgraphPort: 4002, metricsPort: 9462, calls: ['appointments', 'ward'] },
  { name: 'appointments', grpcPort: 50053, subgraphPort: 4003, metricsPort: 9463, calls: ['identity', 'patients'] },
  { name: 'notifications', grpcPort: 50054, subgraphPort: 4004, metricsPort: 9464, calls: ['appointments', 'patients', 'identity'] },
  { name: 'finance', grpcPort: 50055, subgraphPort: 4005, metricsPort: 9465, calls: ['patients', 'appointments', 'ward'] },
  { name: 'pharmacy', grpcPort: 50056, subgraphPort: 4006, metricsPort: 9466, calls: ['patients'] },
  { name: 'ward', grpcPort: 50057, subgraphPort: 4007, metricsPort: 9467, calls: ['patients'] },
  { name: 'clinical', grpcPort: 50058, subgraphPort: 4008, metricsPort: 9469, calls: ['appointments', 'ward'] },
] as const satisfies readonly DepartmentRow[];

/** A department's name. */
export type DepartmentName = (typeof DEPARTMENTS)[number]['name'];

/** The departments' names, in start order. */
export const DEPARTMENT_NAMES: readonly DepartmentName[] = DEPARTMENTS.map((d) => d.name);

/** Host the local defaults point at. */
export const LOCAL_HOST = '127.0.0.1';

/**
 * Looks a department up by name.
 * @param name - a department name
 */
export function departmentRow(name: DepartmentName): DepartmentRow {
  const found: DepartmentRow | undefined = DEPARTMENTS.find((d) => d.name === name);
  if (!found) throw new Error(`Unknown department "${name}"`);
  return found;
}

/**
 * The default `<NAME>_GRPC_TARGET` of a department's service in local development, e.g. 127.0.0.1:50051.
 * @param name - a department name
 */
export function defaultGrpcTarget(name: DepartmentName): string {
  return `${LOCAL_HOST}:${departmentRow(name).grpcPort}`;
}

/**
 * The default ports of a department's subgraph, in the shape the subgraph kit's env parser takes.
 * @param name - a department name
 */
export function subgraphDefaults(name: DepartmentName): { port: number; grpcPort: number } {
  const row = departmentRow(name);
  return { port: row.subgraphPort, grpcPort: row.grpcPort };
}
