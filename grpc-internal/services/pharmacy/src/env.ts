/** Environment of the pharmacy service: its own variables (the shared ones are the kit's grpcServiceEnv). */
import { z } from 'zod';
import { grpcServiceEnvReader, grpcTargetsEnv, type LevelWithSilent } from '@hospital/service-kit';
import type { PharmacyServiceConfig } from './pharmacy-service.ts';

/** The service's configuration plus the log level main.ts needs. */
export type PharmacyEnvConfig = PharmacyServiceConfig & { logLevel: LevelWithSilent };

/** Reads and checks the environment (process.env in main.ts); throws EnvError listing every problem. */
export const loadConfig: (env: Record<string, string | undefined>) => PharmacyEnvConfig = grpcServiceEnvReader(
  'pharmacy',
  {
    ...grpcTargetsEnv('patients'),
    GRPC_DEADLINE_MS: z.coerce.number().int().positive().default(5000),
  },
  (e) => ({ patientsTarget: e.PATIENTS_GRPC_TARGET, grpcDeadlineMs: e.GRPC_DEADLINE_MS }),
);
