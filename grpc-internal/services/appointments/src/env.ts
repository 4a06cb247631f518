/** Environment of the appointments service: every variable, its default, and how it is checked. */
import { z } from 'zod';
import {
  appointmentsKafkaConfig,
  appointmentsTopicEnv,
  databaseEnv,
  internalSecretEnv,
  kafkaEnv,
  logEnv,
  parseEnv,
  port,
  type LevelWithSilent,
} from '@hospital/service-kit';
import type { AppointmentsServiceConfig } from './appointments-service.ts';

const schema = z.object({
  APPOINTMENTS_GRPC_PORT: port(50053),
  APPOINTMENTS_GRPC_HOST: z.string().default('0.0.0.0'),
  IDENTITY_GRPC_TARGET: z.string().min(1).default('127.0.0.1:50051'),
  PATIENTS_GRPC_TARGET: z.string().min(1).default('127.0.0.1:50052'),
  // How often the outbox relay looks for new rows when idle, and how many it ships per round.
  OUTBOX_RELAY_INTERVAL_MS: z.coerce.number().int().positive().default(100),
  OUTBOX_RELAY_BATCH_SIZE: z.coerce.number().int().min(1).max(1000).default(100),
  ...kafkaEnv,
  ...appointmentsTopicEnv,
  ...databaseEnv,
  ...internalSecretEnv,
  ...logEnv,
});

/** The service's configuration plus the log level main.ts needs. */
export type AppointmentsEnvConfig = AppointmentsServiceConfig & { logLevel: LevelWithSilent };

/**
 * Reads and checks the environment; throws EnvError listing every problem.
 * @param env - the variables (process.env in main.ts)
 */
export function loadConfig(env: Record<string, string | undefined>): AppointmentsEnvConfig {
  const e = parseEnv(schema, env);
  return {
    port: e.APPOINTMENTS_GRPC_PORT,
    host: e.APPOINTMENTS_GRPC_HOST,
    databaseUrl: e.DATABASE_URL,
    internalSecret: e.INTERNAL_SECRET,
    identityTarget: e.IDENTITY_GRPC_TARGET,
    patientsTarget: e.PATIENTS_GRPC_TARGET,
    kafka: appointmentsKafkaConfig(e, 'appointments-service'),
    relay: { pollIntervalMs: e.OUTBOX_RELAY_INTERVAL_MS, batchSize: e.OUTBOX_RELAY_BATCH_SIZE },
    logLevel: e.LOG_LEVEL,
  };
}
