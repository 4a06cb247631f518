/** Environment of the ward service: its own variables (the shared ones are the kit's grpcServiceEnv). */
import { grpcServiceEnvReader, grpcTargetsEnv, type LevelWithSilent } from '@hospital/service-kit';
import type { WardServiceConfig } from './ward-service.ts';

/** The service's configuration plus the log level main.ts needs. */
export type WardEnvConfig = WardServiceConfig & { logLevel: LevelWithSilent };

/** Reads and checks the environment (process.env in main.ts); throws EnvError listing every problem. */
export const loadConfig: (env: Record<string, string | undefined>) => WardEnvConfig = grpcServiceEnvReader(
  'ward',
  {
    // Admissions check the patient with the patients department.
    ...grpcTargetsEnv('patients'),
  },
  (e) => ({ patientsTarget: e.PATIENTS_GRPC_TARGET }),
);
