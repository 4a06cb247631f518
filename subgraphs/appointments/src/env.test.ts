import { describe, expect, it } from 'vitest';
import { EnvError } from '@hospital/service-kit';
import { itChecksSubgraphEnv } from '@hospital/service-kit/testing';
import { loadConfig } from './env.ts';

describe('appointments subgraph env', () => {
  itChecksSubgraphEnv(loadConfig, { port: 4003, appointmentsTarget: '127.0.0.1:50053' });

  it('reads Kafka only when KAFKA_BROKERS is set; topic and poll interval have defaults', () => {
    const embedded = loadConfig({});
    expect([embedded.kafkaBrokers, embedded.appointmentsTopic, embedded.eventPollIntervalMs]).toEqual([undefined, 'appointments', 100]);
    const kafka = loadConfig({ KAFKA_BROKERS: ' 127.0.0.1:9092, 10.0.0.2:9092 ', APPOINTMENTS_TOPIC: 'appts' });
    expect([kafka.kafkaBrokers, kafka.appointmentsTopic]).toEqual([['127.0.0.1:9092', '10.0.0.2:9092'], 'appts']);
  });

  it("reads the event-bus variables by the service kit's rules: a broker without a port, a list of only commas and an illegal topic name are refused", () => {
    // Before issue 13 the subgraph parsed these itself and accepted all three (the last one as "no Kafka").
    const problems = (env: Record<string, string>) => {
      try {
        loadConfig(env);
        return [];
      } catch (error) {
        if (!(error instanceof EnvError)) throw error;
        return error.problems;
      }
    };
    expect(problems({ KAFKA_BROKERS: '127.0.0.1:9092,kafka', APPOINTMENTS_TOPIC: 'appointment events' })).toEqual([
      expect.stringMatching(/^KAFKA_BROKERS\.1: each broker is host:port$/),
      expect.stringMatching(/^APPOINTMENTS_TOPIC: letters, digits/),
    ]);
    expect(problems({ KAFKA_BROKERS: ' , ' })).toEqual([expect.stringMatching(/^KAFKA_BROKERS: a comma-separated host:port list, or empty for no Kafka/)]);
    // Empty still means unset (no Kafka: subscriptions poll PullEvents).
    expect(loadConfig({ KAFKA_BROKERS: '' }).kafkaBrokers).toBeUndefined();
  });
});
