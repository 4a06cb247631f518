/** Environment of the patients service: every variable, its default, and how it is checked. */
import { z } from 'zod';
import { databaseEnv, internalSecretEnv, logEnv, parseEnv, port, type LevelWithSilent } from '@hospital/service-kit';
import type { PatientsServiceConfig } from './patients-service.ts';

const schema = z.object({
  PATIENTS_GRPC_PORT: port(50052),
  PATIENTS_GRPC_HOST: z.string().default('0.0.0.0'),
  APPOINTMENTS_GRPC_TARGET: z.string().min(1).default('127.0.0.1:50053'),
  WARD_GRPC_TARGET: z.string().min(1).default('127.0.0.1:50057'),
  GRPC_DEADLINE_MS: z.coerce.number().int().positive().default(5000),
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
    care: { appointmentsTarget: e.APPOINTMENTS_GRPC_TARGET, wardTarget: e.WARD_GRPC_TARGET },
    grpcDeadlineMs: e.GRPC_DEADLINE_MS,
    logLevel: e.LOG_LEVEL,
  };
}
