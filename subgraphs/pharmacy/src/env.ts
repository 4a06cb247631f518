/** Configuration of the pharmacy subgraph, parsed from the environment (only main.ts passes process.env). */
import { z } from 'zod';
import { internalSecretEnv, logEnv, nodeEnv, parseEnv, port } from '@hospital/service-kit';
import type { PharmacySubgraphConfig } from './index.ts';

/** The variables this subgraph reads. */
export const envSchema = z
  .object({
    PHARMACY_SUBGRAPH_PORT: port(4006),
    PHARMACY_SUBGRAPH_HOST: z.string().default('127.0.0.1'),
    PHARMACY_GRPC_TARGET: z.string().min(1).default('127.0.0.1:50056'),
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
export type PharmacySubgraphEnv = PharmacySubgraphConfig & { logLevel: z.infer<typeof envSchema>['LOG_LEVEL'] };

/**
 * Parses and checks the environment, reporting every problem at once.
 * @param env - the variables (process.env in main.ts)
 */
export function loadConfig(env: Record<string, string | undefined>): PharmacySubgraphEnv {
  const parsed = parseEnv(envSchema, env);
  return {
    port: parsed.PHARMACY_SUBGRAPH_PORT,
    host: parsed.PHARMACY_SUBGRAPH_HOST,
    pharmacyTarget: parsed.PHARMACY_GRPC_TARGET,
    grpcDeadlineMs: parsed.GRPC_DEADLINE_MS,
    internalSecret: parsed.INTERNAL_SECRET,
    production: parsed.NODE_ENV === 'production',
    logLevel: parsed.LOG_LEVEL,
  };
}
