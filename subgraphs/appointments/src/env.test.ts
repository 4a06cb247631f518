import { describe, expect, it } from 'vitest';
import { EnvError } from '@hospital/service-kit';
import { loadConfig } from './env.ts';

describe('appointments subgraph env', () => {
  it('applies the documented defaults', () => {
    expect(loadConfig({})).toMatchObject({ port: 4003, host: '127.0.0.1', appointmentsTarget: '127.0.0.1:50053', grpcDeadlineMs: 5000, production: false });
  });

  it('reads Kafka only when KAFKA_BROKERS is set; topic and poll interval have defaults', () => {
    const embedded = loadConfig({});
    expect([embedded.kafkaBrokers, embedded.appointmentsTopic, embedded.eventPollIntervalMs]).toEqual([undefined, 'appointments', 100]);
    const kafka = loadConfig({ KAFKA_BROKERS: ' 127.0.0.1:9092, 10.0.0.2:9092 ', APPOINTMENTS_TOPIC: 'appts' });
    expect([kafka.kafkaBrokers, kafka.appointmentsTopic]).toEqual([['127.0.0.1:9092', '10.0.0.2:9092'], 'appts']);
  });

  it('refuses the public dev secret in production', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(EnvError);
    expect(loadConfig({ NODE_ENV: 'production', INTERNAL_SECRET: 'x'.repeat(40) }).production).toBe(true);
  });
});
