import { describe, expect, it } from 'vitest';
import { EnvError } from '@hospital/service-kit';
import { loadConfig } from './env.ts';

describe('clinical env', () => {
  it('applies the documented defaults', () => {
    expect(loadConfig({ DATABASE_URL: 'postgresql://postgres@127.0.0.1:5432/hospital' })).toMatchObject({
      port: 50058,
      host: '0.0.0.0',
      appointmentsTarget: '127.0.0.1:50053',
      wardTarget: '127.0.0.1:50057',
      logLevel: 'info',
    });
  });

  it('reads the peer targets and port', () => {
    const config = loadConfig({ DATABASE_URL: 'postgres://db/hospital', CLINICAL_GRPC_PORT: '6001', APPOINTMENTS_GRPC_TARGET: 'appts:1', WARD_GRPC_TARGET: 'ward:2' });
    expect(config).toMatchObject({ port: 6001, appointmentsTarget: 'appts:1', wardTarget: 'ward:2' });
  });

  it('names the full ICD-10-CM list when ICD10_CODES_FILE is set, and refuses an empty one', () => {
    expect(loadConfig({ DATABASE_URL: 'postgres://db/hospital' }).icd10CodesFile).toBeUndefined();
    expect(loadConfig({ DATABASE_URL: 'postgres://db/hospital', ICD10_CODES_FILE: '/data/icd10cm-codes-2026.txt' }).icd10CodesFile).toBe('/data/icd10cm-codes-2026.txt');
    expect(() => loadConfig({ DATABASE_URL: 'postgres://db/hospital', ICD10_CODES_FILE: ' ' })).toThrow(/ICD10_CODES_FILE/);
  });

  it('relays clinical events to Kafka only when KAFKA_BROKERS is set, on the clinical topics', () => {
    expect(loadConfig({ DATABASE_URL: 'postgres://db/hospital' }).kafka).toBeUndefined();
    const config = loadConfig({ DATABASE_URL: 'postgres://db/hospital', KAFKA_BROKERS: 'k1:9092, k2:9092', CLINICAL_TOPIC: 'clin.v1', OUTBOX_RELAY_BATCH_SIZE: '20' });
    expect(config.kafka).toEqual({
      brokers: ['k1:9092', 'k2:9092'],
      clientId: 'clinical-service',
      topic: { topic: 'clin.v1', partitions: 6, retentionMs: 604_800_000 },
      dlqTopic: 'clinical.dlq',
    });
    expect(config.relay).toEqual({ pollIntervalMs: 100, batchSize: 20 });
    expect(() => loadConfig({ DATABASE_URL: 'postgres://db/hospital', KAFKA_BROKERS: 'k:1', CLINICAL_TOPIC: 'bad topic' })).toThrow(/CLINICAL_TOPIC/);
  });

  it('refuses a missing database and a short secret', () => {
    expect(() => loadConfig({ INTERNAL_SECRET: 'short' })).toThrow(EnvError);
  });
});
