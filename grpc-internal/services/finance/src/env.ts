/** Environment of the finance service: every variable, its default, and how it is checked. */
import { z } from 'zod';
import { databaseEnv, internalSecretEnv, logEnv, parseEnv, port, type LevelWithSilent } from '@hospital/service-kit';
import type { FinanceServiceConfig } from './finance-service.ts';

const schema = z.object({
  FINANCE_GRPC_PORT: port(50055),
  FINANCE_GRPC_HOST: z.string().default('0.0.0.0'),
  PATIENTS_GRPC_TARGET: z.string().default('127.0.0.1:50052'),
  APPOINTMENTS_GRPC_TARGET: z.string().default('127.0.0.1:50053'),
  WARD_GRPC_TARGET: z.string().default('127.0.0.1:50057'),
  GRPC_DEADLINE_MS: z.coerce.number().int().positive().default(5000),
  ...databaseEnv,
  ...internalSecretEnv,
  ...logEnv,
});

/** The service's configuration plus the log level main.ts needs. */
export type FinanceEnvConfig = FinanceServiceConfig & { logLevel: LevelWithSilent };

/**
 * Reads and checks the environment; throws EnvError listing every problem.
 * @param env - the variables (process.env in main.ts)
 */
export function loadConfig(env: Record<string, string | undefined>): FinanceEnvConfig {
  const e = parseEnv(schema, env);
  return {
    port: e.FINANCE_GRPC_PORT,
    host: e.FINANCE_GRPC_HOST,
    databaseUrl: e.DATABASE_URL,
    internalSecret: e.INTERNAL_SECRET,
    patientsTarget: e.PATIENTS_GRPC_TARGET,
    appointmentsTarget: e.APPOINTMENTS_GRPC_TARGET,
    wardTarget: e.WARD_GRPC_TARGET,
    grpcDeadlineMs: e.GRPC_DEADLINE_MS,
    logLevel: e.LOG_LEVEL,
  };
}
