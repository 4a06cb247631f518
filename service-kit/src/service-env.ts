/**
 * The variables every gRPC service reads, written once: `<DEPT>_GRPC_PORT` (default from the
 * department table), `<DEPT>_GRPC_HOST`, DATABASE_URL, INTERNAL_SECRET, LOG_LEVEL, METRICS_PORT.
 * Each service's env.ts adds only its own variables.
 */
import { z } from 'zod';
import { defaultGrpcTarget, departmentRow, type DepartmentName } from '@hospital/grpc-contracts/departments';
import { databaseEnv, internalSecretEnv, logEnv, metricsEnv, parseEnv, port } from './env.ts';
import type { LevelWithSilent } from './logger.ts';

const grpcPort = (fallback: number) => port(fallback);
const grpcHost = () => z.string().default('0.0.0.0');

/** The zod shape of the shared variables of department D's service. */
export type GrpcServiceShape<D extends DepartmentName> = { [K in `${Uppercase<D>}_GRPC_PORT`]: ReturnType<typeof grpcPort> } & {
  [K in `${Uppercase<D>}_GRPC_HOST`]: ReturnType<typeof grpcHost>;
} & typeof databaseEnv &
  typeof internalSecretEnv &
  typeof logEnv &
  typeof metricsEnv;

/** A peer's address: required, and the department table's local address when unset or empty. */
const grpcTarget = (dept: DepartmentName) => z.string().min(1).default(defaultGrpcTarget(dept));

/** The zod shape of the `<DEPT>_GRPC_TARGET` variables of departments D. */
export type GrpcTargetsShape<D extends DepartmentName> = { [K in `${Uppercase<D>}_GRPC_TARGET`]: ReturnType<typeof grpcTarget> };

/**
 * The addresses of the departments a runnable calls, to spread into its env schema: one
 * `<DEPT>_GRPC_TARGET` each, defaulting to the department table's local address.
 * @param depts - the departments called, in the order their variables are listed
 */
export function grpcTargetsEnv<D extends DepartmentName>(...depts: D[]): GrpcTargetsShape<D> {
  return Object.fromEntries(depts.map((dept) => [`${dept.toUpperCase()}_GRPC_TARGET`, grpcTarget(dept)])) as GrpcTargetsShape<D>;
}

/** What every service's start function takes from the shared variables; its own config extends it. */
export interface GrpcServiceStartConfig {
  /** gRPC port; 0 picks a free one. */
  port: number;
  /** Interface to bind (default 0.0.0.0). */
  host?: string;
  /** postgresql:// URL. */
  databaseUrl: string;
  /** INTERNAL_SECRET shared with the router, subgraphs and services: verifies callers, signs this service's own calls. */
  internalSecret: string;
}

/** What every service's configuration holds from the shared variables. */
export interface GrpcServiceBaseConfig extends GrpcServiceStartConfig {
  host: string;
  logLevel: LevelWithSilent;
}

/**
 * The shared variables of a department's service, to spread into its env schema.
 * @param dept - the department (its row in the department table gives the default port)
 */
export function grpcServiceEnv<D extends DepartmentName>(dept: D): GrpcServiceShape<D> {
  const prefix = dept.toUpperCase();
  return {
    [`${prefix}_GRPC_PORT`]: grpcPort(departmentRow(dept).grpcPort),
    [`${prefix}_GRPC_HOST`]: grpcHost(),
    ...databaseEnv,
    ...internalSecretEnv,
    ...logEnv,
    ...metricsEnv,
  } as GrpcServiceShape<D>;
}

/**
 * A service's env reader: parses the shared variables and the service's own (every problem
 * reported at once, as parseEnv does) and returns the shared part of the configuration plus
 * what `own` maps from the service's variables.
 * @param dept - the department
 * @param shape - the service's own variables (zod shape)
 * @param own - maps the parsed variables to the service's own configuration fields
 */
export function grpcServiceEnvReader<D extends DepartmentName, S extends z.ZodRawShape, R>(
  dept: D,
  shape: S,
  own: (e: z.infer<z.ZodObject<GrpcServiceShape<D> & S>>) => R,
): (env: Record<string, string | undefined>) => GrpcServiceBaseConfig & R {
  const schema = z.object({ ...grpcServiceEnv(dept), ...shape }) as unknown as z.ZodObject<GrpcServiceShape<D> & S>;
  const prefix = dept.toUpperCase();
  return (env) => {
    const e = parseEnv(schema, env);
    const shared = e as unknown as Record<string, unknown> & { DATABASE_URL: string; INTERNAL_SECRET: string; LOG_LEVEL: LevelWithSilent };
    return {
      port: shared[`${prefix}_GRPC_PORT`] as number,
      host: shared[`${prefix}_GRPC_HOST`] as string,
      databaseUrl: shared.DATABASE_URL,
      internalSecret: shared.INTERNAL_SECRET,
      logLevel: shared.LOG_LEVEL,
      ...own(e),
    };
  };
}
