import { describe, expect, it } from 'vitest';
import { eventBusEnv } from './system-layout.ts';

describe('eventBusEnv', () => {
  it('passes nothing without KAFKA_BROKERS: npm start stays on the PostgreSQL event path', () => {
    expect(eventBusEnv({ APPOINTMENTS_TOPIC: 'x', PATH: '/bin' })).toEqual({});
  });

  it('passes the Kafka variables that are set, and nothing else', () => {
    expect(eventBusEnv({ KAFKA_BROKERS: '127.0.0.1:9092', APPOINTMENTS_TOPIC_PARTITIONS: '3', APPOINTMENTS_TOPIC: '', HOME: '/root' })).toEqual({
      KAFKA_BROKERS: '127.0.0.1:9092',
      APPOINTMENTS_TOPIC_PARTITIONS: '3',
    });
  });
});
