import { describe, expect, it } from 'vitest';
import { EnvError } from '@hospital/service-kit';
import { itChecksServiceEnv } from '@hospital/service-kit/testing';
import { loadConfig } from './env.ts';

describe('appointments env', () => {
  itChecksServiceEnv(loadConfig, { port: 50053, identityTarget: '127.0.0.1:50051', patientsTarget: '127.0.0.1:50052' });

  it('reads the peer targets', () => {
    const config = loadConfig({ DATABASE_URL: 'postgresql://db/h', IDENTITY_GRPC_TARGET: 'identity:50051', PATIENTS_GRPC_TARGET: 'patients:50052' });
    expect([config.identityTarget, config.patientsTarget]).toEqual(['identity:50051', 'patients:50052']);
  });
});

describe('appointments env: Kafka', () => {
  const base = { DATABASE_URL: 'postgresql://db/h' };

  it('has no Kafka unless KAFKA_BROKERS is set', () => {
    expect(loadConfig(base).kafka).toBeUndefined();
    expect(loadConfig(base).relay).toEqual({ pollIntervalMs: 100, batchSize: 100 });
  });

  it('reads brokers, client id and the topics with their defaults', () => {
    expect(loadConfig({ ...base, KAFKA_BROKERS: ' k1:9092, k2:9092 ' }).kafka).toEqual({
      brokers: ['k1:9092', 'k2:9092'],
      clientId: 'appointments-service',
      topic: { topic: 'appointments', partitions: 6, retentionMs: 604_800_000 },
      dlqTopic: 'appointments.dlq',
    });
    const custom = loadConfig({
      ...base,
      KAFKA_BROKERS: 'k:1',
      KAFKA_CLIENT_ID: 'appt-1',
      APPOINTMENTS_TOPIC: 'appt.v1',
      APPOINTMENTS_TOPIC_PARTITIONS: '12',
      APPOINTMENTS_TOPIC_RETENTION_MS: '-1',
      APPOINTMENTS_DLQ_TOPIC: 'appt.v1.dlq',
    });
    expect(custom.kafka).toEqual({ brokers: ['k:1'], clientId: 'appt-1', topic: { topic: 'appt.v1', partitions: 12, retentionMs: -1 }, dlqTopic: 'appt.v1.dlq' });
  });

  it('refuses malformed brokers and topic names', () => {
    expect(() => loadConfig({ ...base, KAFKA_BROKERS: 'no-port' })).toThrow(EnvError);
    expect(() => loadConfig({ ...base, KAFKA_BROKERS: 'k:1', APPOINTMENTS_TOPIC: 'bad topic' })).toThrow(EnvError);
    expect(() => loadConfig({ ...base, KAFKA_BROKERS: 'k:1', APPOINTMENTS_TOPIC_PARTITIONS: '0' })).toThrow(EnvError);
  });
});
