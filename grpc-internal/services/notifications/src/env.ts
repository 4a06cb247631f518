/** Environment of the notifications service: its own variables (the shared ones are the kit's grpcServiceEnv). */
import { z } from 'zod';
import { runnableName } from '@hospital/grpc-contracts/departments';
import { EnvError, grpcServiceEnvReader, grpcTargetsEnv, hospitalTimeZoneEnv, processTimeZone, timeZoneName, type LevelWithSilent } from '@hospital/service-kit';
import { appointmentsKafkaConfig, appointmentsTopicEnv, clinicalKafkaTopics, clinicalTopicEnv, kafkaEnv } from '@hospital/service-kit/kafka';
import { ALL_CHANNELS, type NotificationsServiceConfig } from './notifications-service.ts';

const positiveInt = (fallback: number) => z.coerce.number().int().positive().default(fallback);

const shape = {
  ...grpcTargetsEnv('appointments', 'patients', 'identity'),
  GRPC_DEADLINE_MS: positiveInt(5_000),
  // Unset: emails are recorded as skipped (no mail server on a developer machine).
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, 'must be an smtp:// or smtps:// URL')
    .optional(),
  SMTP_FROM: z.string().min(3).default('Hospital <no-reply@hospital.local>'),
  // The hospital's one zone (the dashboards' too); NOTIFY_TIME_ZONE is its deprecated former name.
  ...hospitalTimeZoneEnv,
  NOTIFY_TIME_ZONE: timeZoneName().optional(),
  NOTIFY_POLL_INTERVAL_MS: positiveInt(500),
  NOTIFY_MAX_ATTEMPTS: positiveInt(5),
  NOTIFY_RETRY_BASE_MS: positiveInt(1_000),
  NOTIFY_RETRY_CAP_MS: positiveInt(300_000),
  NOTIFY_SEND_CHANNELS: z
    .string()
    .default(ALL_CHANNELS.join(','))
    .transform((list) => [
      ...new Set(
        list
          .split(',')
          .map((name) => name.trim())
          .filter(Boolean),
      ),
    ])
    .pipe(z.array(z.enum(['email', 'sms', 'in_app'])).min(1)),
  // Consumer group of the Kafka consumer: replicas in one group share the partitions.
  NOTIFY_KAFKA_GROUP: z.string().min(1).default('notifications'),
  ...kafkaEnv,
  ...appointmentsTopicEnv,
  // Lab results for the ordering doctor (consumed in group <NOTIFY_KAFKA_GROUP>-clinical).
  ...clinicalTopicEnv,
};

/** The service's configuration plus what main.ts needs: the log level and warnings to log at start. */
export type NotificationsEnvConfig = NotificationsServiceConfig & { logLevel: LevelWithSilent; warnings: string[] };

/**
 * The zone of the times in messages: HOSPITAL_TIME_ZONE, the one setting the dashboards read too.
 * NOTIFY_TIME_ZONE alone is still taken, with a deprecation warning; both set to different zones
 * is refused, since messages and screens would then disagree about the time.
 * @param e - the parsed variables
 */
export function notificationsTimeZone(e: { HOSPITAL_TIME_ZONE?: string | undefined; NOTIFY_TIME_ZONE?: string | undefined }): { timeZone: string; warnings: string[] } {
  const hospital = e.HOSPITAL_TIME_ZONE;
  const legacy = e.NOTIFY_TIME_ZONE;
  if (legacy === undefined) return { timeZone: hospital ?? processTimeZone(), warnings: [] };
  if (hospital === undefined) {
    return { timeZone: legacy, warnings: ['NOTIFY_TIME_ZONE is deprecated: set HOSPITAL_TIME_ZONE instead (the one hospital time zone, also read by the web server)'] };
  }
  if (hospital !== legacy) {
    throw new EnvError([
      `NOTIFY_TIME_ZONE: ${legacy} differs from HOSPITAL_TIME_ZONE ${hospital}; the hospital has one time zone: unset NOTIFY_TIME_ZONE (deprecated) and keep HOSPITAL_TIME_ZONE`,
    ]);
  }
  return { timeZone: hospital, warnings: ['NOTIFY_TIME_ZONE is deprecated and equals HOSPITAL_TIME_ZONE: unset it'] };
}

const kafkaConfig = (kafka: ReturnType<typeof appointmentsKafkaConfig>, groupId: string, clinical: ReturnType<typeof clinicalKafkaTopics>) =>
  kafka ? { ...kafka, groupId, clinical } : undefined;

/** Reads and checks the environment (process.env in main.ts); throws EnvError listing every problem. */
export const loadConfig: (env: Record<string, string | undefined>) => NotificationsEnvConfig = grpcServiceEnvReader('notifications', shape, (e) => ({
  targets: { appointments: e.APPOINTMENTS_GRPC_TARGET, patients: e.PATIENTS_GRPC_TARGET, identity: e.IDENTITY_GRPC_TARGET },
  grpcDeadlineMs: e.GRPC_DEADLINE_MS,
  email: { smtpUrl: e.SMTP_URL, from: e.SMTP_FROM },
  ...notificationsTimeZone(e),
  pollIntervalMs: e.NOTIFY_POLL_INTERVAL_MS,
  retry: { maxAttempts: e.NOTIFY_MAX_ATTEMPTS, baseMs: e.NOTIFY_RETRY_BASE_MS, capMs: Math.max(e.NOTIFY_RETRY_CAP_MS, e.NOTIFY_RETRY_BASE_MS) },
  sendChannels: e.NOTIFY_SEND_CHANNELS,
  kafka: kafkaConfig(appointmentsKafkaConfig(e, runnableName('notifications', 'service')), e.NOTIFY_KAFKA_GROUP, clinicalKafkaTopics(e)),
}));
