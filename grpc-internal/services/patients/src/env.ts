/** Environment of the patients service: its own variables (the shared ones are the kit's grpcServiceEnv). */
import { z } from 'zod';
import { grpcServiceEnvReader, grpcTargetsEnv, type LevelWithSilent } from '@hospital/service-kit';
import type { PatientsServiceConfig } from './patients-service.ts';

/** The service's configuration plus the log level main.ts needs. */
export type PatientsEnvConfig = PatientsServiceConfig & { logLevel: LevelWithSilent };

/** Reads and checks the environment (process.env in main.ts); throws EnvError listing every problem. */
export const loadConfig: (env: Record<string, string | undefined>) => PatientsEnvConfig = grpcServiceEnvReader(
  'patients',
  {
    ...grpcTargetsEnv('appointments', 'ward'),
    GRPC_DEADLINE_MS: z.coerce.number().int().positive().default(5000),
  },
  (e) => ({ care: { appointmentsTarget: e.APPOINTMENTS_GRPC_TARGET, wardTarget: e.WARD_GRPC_TARGET }, grpcDeadlineMs: e.GRPC_DEADLINE_MS }),
);
