/**
 * Kafka settings of the end-to-end systems. Every system of a test run shares the run's database,
 * so they share one appointments topic (and one clinical topic) too: any system's outbox relay may ship any system's rows
 * (SKIP LOCKED hands each row to exactly one relay), and every system's consumers must see them.
 * The topic is named after the run's database, so runs against a long-lived broker never mix.
 */
import { randomUUID } from 'node:crypto';
import { runnableName, type Runnable } from '@hospital/grpc-contracts/departments';
import type { AppointmentsKafkaConfig } from '@hospital/service-kit/kafka';
import { testKafkaBrokers } from '../kafka-brokers.ts';

/**
 * The Kafka client id of a runnable of an end-to-end system: its name (the department table's
 * runnableName) after `e2e-`, e.g. `e2e-clinical-service`, so broker logs tell test clients apart.
 * @param department - the department's name
 * @param runnable - its service or its subgraph
 */
export function e2eClientId(department: string, runnable: Runnable): string {
  return `e2e-${runnableName(department, runnable)}`;
}

/**
 * The appointments topic settings of the run.
 * @param databaseUrl - the run's database (its name makes the topic name)
 * @param clientId - who connects (appears in broker logs)
 */
export function e2eKafka(databaseUrl: string, clientId: string): AppointmentsKafkaConfig {
  return e2eTopics('appointments', databaseUrl, clientId);
}

/**
 * The clinical topic settings of the run (the clinical relay's and the clinical consumers').
 * @param databaseUrl - the run's database (its name makes the topic name)
 * @param clientId - who connects (appears in broker logs)
 */
export function e2eClinicalKafka(databaseUrl: string, clientId: string): AppointmentsKafkaConfig {
  return e2eTopics('clinical', databaseUrl, clientId);
}

/** A department's topic of the run: `<department>-e2e-<database>` and its `.dlq`. */
function e2eTopics(department: string, databaseUrl: string, clientId: string): AppointmentsKafkaConfig {
  const database = new URL(databaseUrl).pathname.replace(/^\//, '').replace(/[^A-Za-z0-9._-]/g, '-');
  const topic = `${department}-e2e-${database}`;
  return { brokers: [testKafkaBrokers()], clientId, topic: { topic, partitions: 6, retentionMs: 3_600_000 }, dlqTopic: `${topic}.dlq` };
}

/**
 * A consumer group of one system's notifications service. Each system has its own, reading the
 * topic from the start: processing is idempotent by event id (first system wins), and no system
 * waits on a rebalance when another test file's system comes or goes.
 */
export function e2eNotificationsGroup(): string {
  return `notifications-e2e-${randomUUID()}`;
}
