/** Environment of the appointments service: its own variables (the shared ones are the kit's grpcServiceEnv). */
import { z } from 'zod';
import { runnableName } from '@hospital/grpc-contracts/departments';
import { grpcServiceEnvReader, grpcTargetsEnv, type LevelWithSilent } from '@hospital/service-kit';
import { appointmentsKafkaConfig, appointmentsTopicEnv, kafkaEnv } from '@hospital/service-kit/kafka';
import type { AppointmentsServiceConfig } from './appointments-service.ts';

/** The service's configuration plus the log level main.ts needs. */
export type AppointmentsEnvConfig = AppointmentsServiceConfig & { logLevel: LevelWithSilent };

/** Reads and checks the environment (process.env in main.ts); throws EnvError listing every problem. */
export const loadConfig: (env: Record<string, string | undefined>) => AppointmentsEnvConfig = grpcServiceEnvReader(
  'appointments',
  {
    ...grpcTargetsEnv('identity', 'patients'),
    // How often the outbox relay looks for new rows when idle, and how many it ships per round.
    OUTBOX_RELAY_INTERVAL_MS: z.coerce.number().int().positive().default(100),
    OUTBOX_RELAY_BATCH_SIZE: z.coerce.number().int().min(1).max(1000).default(100),
    ...kafkaEnv,
    ...appointmentsTopicEnv,
  },
  (e) => ({
    identityTarget: e.IDENTITY_GRPC_TARGET,
    patientsTarget: e.PATIENTS_GRPC_TARGET,
    kafka: appointmentsKafkaConfig(e, runnableName('appointments', 'service')),
    relay: { pollIntervalMs: e.OUTBOX_RELAY_INTERVAL_MS, batchSize: e.OUTBOX_RELAY_BATCH_SIZE },
  }),
);
