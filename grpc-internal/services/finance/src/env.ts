/** Environment of the finance service: its own variables (the shared ones are the kit's grpcServiceEnv). */
import { z } from 'zod';
import { grpcServiceEnvReader, grpcTargetsEnv, type LevelWithSilent } from '@hospital/service-kit';
import type { FinanceServiceConfig } from './finance-service.ts';

/** The service's configuration plus the log level main.ts needs. */
export type FinanceEnvConfig = FinanceServiceConfig & { logLevel: LevelWithSilent };

/** Reads and checks the environment (process.env in main.ts); throws EnvError listing every problem. */
export const loadConfig: (env: Record<string, string | undefined>) => FinanceEnvConfig = grpcServiceEnvReader(
  'finance',
  {
    ...grpcTargetsEnv('patients', 'appointments', 'ward'),
    GRPC_DEADLINE_MS: z.coerce.number().int().positive().default(5000),
  },
  (e) => ({ patientsTarget: e.PATIENTS_GRPC_TARGET, appointmentsTarget: e.APPOINTMENTS_GRPC_TARGET, wardTarget: e.WARD_GRPC_TARGET, grpcDeadlineMs: e.GRPC_DEADLINE_MS }),
);
