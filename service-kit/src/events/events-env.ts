/**
 * Environment fragments for the event bus, shared by every runnable that produces or consumes
 * appointment events, so the variables mean the same everywhere. KAFKA_BROKERS unset means "no
 * Kafka": each service then falls back to its PostgreSQL-only path.
 *
 * No kafkajs here (only zod and types): scripts that pass these variables on or rename them load
 * it as `@hospital/service-kit/events-env`.
 */
import { z } from 'zod';
import { defaultTopicNames, type TopicFamily } from '@hospital/grpc-contracts/departments';
import type { TopicSpec } from './event-bus.ts';

const SEVEN_DAYS_MS = 7 * 24 * 60 * 60 * 1000;
/** Kafka's legal topic names (letters, digits, '.', '_', '-'; at most 249 characters). */
const topicName = z.string().regex(/^[A-Za-z0-9._-]{1,249}$/, "letters, digits, '.', '_' and '-' only");

/** KAFKA_BROKERS (comma-separated host:port list; unset = no Kafka) and KAFKA_CLIENT_ID. */
export const kafkaEnv = {
  KAFKA_BROKERS: z
    .string()
    .transform((list) =>
      list
        .split(',')
        .map((b) => b.trim())
        .filter(Boolean),
    )
    .pipe(z.array(z.string().regex(/^[^\s:]+:\d{1,5}$/, 'each broker is host:port')).min(1, 'a comma-separated host:port list, or empty for no Kafka'))
    .optional(),
  KAFKA_CLIENT_ID: z.string().min(1).optional(),
};

/** The appointments topic, its partitions and retention, and its dead-letter topic. */
export const appointmentsTopicEnv = {
  APPOINTMENTS_TOPIC: topicName.default(defaultTopicNames('appointments').topic),
  APPOINTMENTS_TOPIC_PARTITIONS: z.coerce.number().int().min(1).max(1000).default(6),
  APPOINTMENTS_TOPIC_RETENTION_MS: z.coerce.number().int().min(-1).default(SEVEN_DAYS_MS),
  APPOINTMENTS_DLQ_TOPIC: topicName.default(defaultTopicNames('appointments').dlqTopic),
};

/** Kafka connection and the appointments topics, as services take them. */
export interface AppointmentsKafkaConfig {
  /** host:port list. */
  brokers: string[];
  /** Client id the broker sees (logs, quotas). */
  clientId: string;
  /** The appointments topic as the project creates it. */
  topic: TopicSpec;
  /** Where consumers put messages they can never process (same partitions and retention). */
  dlqTopic: string;
}

/**
 * The Kafka settings from parsed variables; undefined when KAFKA_BROKERS is unset.
 * @param e - the parsed kafkaEnv and appointmentsTopicEnv variables
 * @param defaultClientId - the runnable's name, used when KAFKA_CLIENT_ID is unset
 */
export function appointmentsKafkaConfig(
  e: { KAFKA_BROKERS?: string[] | undefined; KAFKA_CLIENT_ID?: string | undefined } & {
    APPOINTMENTS_TOPIC: string;
    APPOINTMENTS_TOPIC_PARTITIONS: number;
    APPOINTMENTS_TOPIC_RETENTION_MS: number;
    APPOINTMENTS_DLQ_TOPIC: string;
  },
  defaultClientId: string,
): AppointmentsKafkaConfig | undefined {
  if (!e.KAFKA_BROKERS) return undefined;
  return {
    brokers: e.KAFKA_BROKERS,
    clientId: e.KAFKA_CLIENT_ID ?? defaultClientId,
    topic: { topic: e.APPOINTMENTS_TOPIC, partitions: e.APPOINTMENTS_TOPIC_PARTITIONS, retentionMs: e.APPOINTMENTS_TOPIC_RETENTION_MS },
    dlqTopic: e.APPOINTMENTS_DLQ_TOPIC,
  };
}

/** The clinical topic (lab results, vitals), its partitions and retention, and its dead-letter topic. */
export const clinicalTopicEnv = {
  CLINICAL_TOPIC: topicName.default(defaultTopicNames('clinical').topic),
  CLINICAL_TOPIC_PARTITIONS: z.coerce.number().int().min(1).max(1000).default(6),
  CLINICAL_TOPIC_RETENTION_MS: z.coerce.number().int().min(-1).default(SEVEN_DAYS_MS),
  CLINICAL_DLQ_TOPIC: topicName.default(defaultTopicNames('clinical').dlqTopic),
};

/** Each topic family of the department table's kafka column, with its variables. */
export const topicFamilyEnv = { appointments: appointmentsTopicEnv, clinical: clinicalTopicEnv } as const satisfies Record<TopicFamily, Record<string, z.ZodType>>;

/** The names of every topic family's variables (topic, partitions, retention, dead-letter topic). */
export const TOPIC_VARIABLES: readonly string[] = Object.values(topicFamilyEnv).flatMap((env) => Object.keys(env));

/**
 * The names of the variables that name a topic: each family's topic and dead-letter topic
 * (`<FAMILY>_TOPIC`, `<FAMILY>_DLQ_TOPIC`), what a run sharing a broker with others renames.
 */
export const TOPIC_NAME_VARIABLES: readonly string[] = TOPIC_VARIABLES.filter((name) => name.endsWith('_TOPIC'));

/** The names of every event-bus variable the kit reads: KAFKA_BROKERS, KAFKA_CLIENT_ID and every topic family's (what the launcher passes on). */
export const EVENT_BUS_VARIABLES: readonly string[] = [...Object.keys(kafkaEnv), ...TOPIC_VARIABLES];

/** A topic as the project creates it, with the dead-letter topic beside it. */
export interface EventTopics {
  /** The topic. */
  topic: TopicSpec;
  /** Where consumers put messages they can never process (same partitions and retention). */
  dlqTopic: string;
}

/**
 * The clinical topics from parsed variables (the relay and the consumers read the same ones).
 * @param e - the parsed clinicalTopicEnv variables
 */
export function clinicalKafkaTopics(e: {
  CLINICAL_TOPIC: string;
  CLINICAL_TOPIC_PARTITIONS: number;
  CLINICAL_TOPIC_RETENTION_MS: number;
  CLINICAL_DLQ_TOPIC: string;
}): EventTopics {
  return { topic: { topic: e.CLINICAL_TOPIC, partitions: e.CLINICAL_TOPIC_PARTITIONS, retentionMs: e.CLINICAL_TOPIC_RETENTION_MS }, dlqTopic: e.CLINICAL_DLQ_TOPIC };
}

/** OUTBOX_RELAY_INTERVAL_MS (pause when idle) and OUTBOX_RELAY_BATCH_SIZE (rows per round) of an outbox relay. */
export const outboxRelayEnv = {
  OUTBOX_RELAY_INTERVAL_MS: z.coerce.number().int().positive().default(100),
  OUTBOX_RELAY_BATCH_SIZE: z.coerce.number().int().min(1).max(1000).default(100),
};
