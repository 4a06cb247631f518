/** Environment of the ward service: every variable, its default, and how it is checked. */
import { z } from 'zod';
import { databaseEnv, internalSecretEnv, logEnv, parseEnv, port, type LevelWithSilent } from '@hospital/service-kit';
import type { WardServiceConfig } from './ward-service.ts';

const schema = z.object({
  WARD_GRPC_PORT: port(50057),
  WARD_GRPC_HOST: z.string().default('0.0.0.0'),
  // Admissions check the patient with the patients department.
  PATIENTS_GRPC_TARGET: z.string().default('127.0.0.1:50052'),
  ...databaseEnv,
  ...internalSecretEnv,
  ...logEnv,
});

/** The service's configuration plus the log level main.ts needs. */
export type WardEnvConfig = WardServiceConfig & { logLevel: LevelWithSilent };

/**
 * Reads and checks the environment; throws EnvError listing every problem.
 * @param env - the variables (process.env in main.ts)
 */
export function loadConfig(env: Record<string, string | undefined>): WardEnvConfig {
  const e = parseEnv(schema, env);
  return {
    port: e.WARD_GRPC_PORT,
    host: e.WARD_GRPC_HOST,
    databaseUrl: e.DATABASE_URL,
    internalSecret: e.INTERNAL_SECRET,
    patientsTarget: e.PATIENTS_GRPC_TARGET,
    logLevel: e.LOG_LEVEL,
  };
}
