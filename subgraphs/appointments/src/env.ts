/** Configuration of the appointments subgraph, parsed from the environment (only main.ts passes process.env). */
import { z } from 'zod';
import { internalSecretEnv, logEnv, nodeEnv, parseEnv, port } from '@hospital/service-kit';
import type { AppointmentsSubgraphConfig } from './index.ts';

/** The variables this subgraph reads. */
export const envSchema = z
  .object({
    APPOINTMENTS_SUBGRAPH_PORT: port(4003),
    APPOINTMENTS_SUBGRAPH_HOST: z.string().default('127.0.0.1'),
    APPOINTMENTS_GRPC_TARGET: z.string().default('127.0.0.1:50053'),
    GRPC_DEADLINE_MS: z.coerce.number().int().positive().default(5000),
    ...internalSecretEnv,
    ...nodeEnv,
    ...logEnv,
  })
  // The dev default secret is public (it is in the source): production must set its own.
  .refine((env) => env.NODE_ENV !== 'production' || env.INTERNAL_SECRET !== internalSecretEnv.INTERNAL_SECRET.parse(undefined), {
    message: 'INTERNAL_SECRET must be set in production',
    path: ['INTERNAL_SECRET'],
  });

/** Everything main.ts needs: the subgraph's config plus the log level. */
export type AppointmentsSubgraphEnv = AppointmentsSubgraphConfig & { logLevel: z.infer<typeof envSchema>['LOG_LEVEL'] };

/**
 * Parses and checks the environment, reporting every problem at once.
 * @param env - the variables (process.env in main.ts)
 */
export function loadConfig(env: Record<string, string | undefined>): AppointmentsSubgraphEnv {
  const parsed = parseEnv(envSchema, env);
  return {
    port: parsed.APPOINTMENTS_SUBGRAPH_PORT,
    host: parsed.APPOINTMENTS_SUBGRAPH_HOST,
    appointmentsTarget: parsed.APPOINTMENTS_GRPC_TARGET,
    grpcDeadlineMs: parsed.GRPC_DEADLINE_MS,
    internalSecret: parsed.INTERNAL_SECRET,
    production: parsed.NODE_ENV === 'production',
    logLevel: parsed.LOG_LEVEL,
  };
}
