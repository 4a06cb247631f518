/** Environment of the pharmacy service: every variable, its default, and how it is checked. */
import { z } from 'zod';
import { databaseEnv, internalSecretEnv, logEnv, parseEnv, port, type LevelWithSilent } from '@hospital/service-kit';
import type { PharmacyServiceConfig } from './pharmacy-service.ts';

const schema = z.object({
  PHARMACY_GRPC_PORT: port(50056),
  PHARMACY_GRPC_HOST: z.string().default('0.0.0.0'),
  PATIENTS_GRPC_TARGET: z.string().min(1).default('127.0.0.1:50052'),
  GRPC_DEADLINE_MS: z.coerce.number().int().positive().default(5000),
  ...databaseEnv,
  ...internalSecretEnv,
  ...logEnv,
});

/** The service's configuration plus the log level main.ts needs. */
export type PharmacyEnvConfig = PharmacyServiceConfig & { logLevel: LevelWithSilent };

/**
 * Reads and checks the environment; throws EnvError listing every problem.
 * @param env - the variables (process.env in main.ts)
 */
export function loadConfig(env: Record<string, string | undefined>): PharmacyEnvConfig {
  const e = parseEnv(schema, env);
  return {
    port: e.PHARMACY_GRPC_PORT,
    host: e.PHARMACY_GRPC_HOST,
    databaseUrl: e.DATABASE_URL,
    internalSecret: e.INTERNAL_SECRET,
    patientsTarget: e.PATIENTS_GRPC_TARGET,
    grpcDeadlineMs: e.GRPC_DEADLINE_MS,
    logLevel: e.LOG_LEVEL,
  };
}
