/** Environment of the patients service: every variable, its default, and how it is checked. */
import { z } from 'zod';
import { databaseEnv, internalSecretEnv, logEnv, parseEnv, port, type LevelWithSilent } from '@hospital/service-kit';
import type { PatientsServiceConfig } from './patients-service.ts';

const schema = z.object({
  PATIENTS_GRPC_PORT: port(50052),
  PATIENTS_GRPC_HOST: z.string().default('0.0.0.0'),
  ...databaseEnv,
  ...internalSecretEnv,
  ...logEnv,
});

/** The service's configuration plus the log level main.ts needs. */
export type PatientsEnvConfig = PatientsServiceConfig & { logLevel: LevelWithSilent };

/**
 * Reads and checks the environment; throws EnvError listing every problem.
 * @param env - the variables (process.env in main.ts)
 */
export function loadConfig(env: Record<string, string | undefined>): PatientsEnvConfig {
  const e = parseEnv(schema, env);
  return {
    port: e.PATIENTS_GRPC_PORT,
    host: e.PATIENTS_GRPC_HOST,
    databaseUrl: e.DATABASE_URL,
    internalSecret: e.INTERNAL_SECRET,
    logLevel: e.LOG_LEVEL,
  };
}
