/** Environment of the clinical service: its own variables (the shared ones are the kit's grpcServiceEnv). */
import { z } from 'zod';
import { runnableName } from '@hospital/grpc-contracts/departments';
import { grpcServiceEnvReader, grpcTargetsEnv, type LevelWithSilent } from '@hospital/service-kit';
import { clinicalKafkaTopics, clinicalTopicEnv, kafkaEnv, outboxRelayEnv } from '@hospital/service-kit/kafka';
import type { ClinicalServiceConfig } from './clinical-service.ts';

/** The service's configuration plus the log level main.ts needs. */
export type ClinicalEnvConfig = ClinicalServiceConfig & { logLevel: LevelWithSilent };

/** Reads and checks the environment (process.env in main.ts); throws EnvError listing every problem. */
export const loadConfig: (env: Record<string, string | undefined>) => ClinicalEnvConfig = grpcServiceEnvReader(
  'clinical',
  {
    // Visits are opened from (and complete) appointments; stays and vitals check admissions on the ward.
    ...grpcTargetsEnv('appointments', 'ward'),
    // The fiscal year's full ICD-10-CM list (CMS/NCHS icd10cm-codes-<FY>.txt); the shipped subset when unset.
    ICD10_CODES_FILE: z.string().trim().min(1, 'must name a file').optional(),
    // Clinical events: the outbox relay runs when KAFKA_BROKERS is set.
    ...outboxRelayEnv,
    ...kafkaEnv,
    ...clinicalTopicEnv,
  },
  (e) => ({
    appointmentsTarget: e.APPOINTMENTS_GRPC_TARGET,
    wardTarget: e.WARD_GRPC_TARGET,
    icd10CodesFile: e.ICD10_CODES_FILE,
    kafka: e.KAFKA_BROKERS ? { brokers: e.KAFKA_BROKERS, clientId: e.KAFKA_CLIENT_ID ?? runnableName('clinical', 'service'), ...clinicalKafkaTopics(e) } : undefined,
    relay: { pollIntervalMs: e.OUTBOX_RELAY_INTERVAL_MS, batchSize: e.OUTBOX_RELAY_BATCH_SIZE },
  }),
);
