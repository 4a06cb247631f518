import { describe, expect, it } from 'vitest';
import { itChecksSubgraphEnv } from '@hospital/service-kit/testing';
import { loadConfig } from './env.ts';

describe('clinical subgraph env', () => {
  itChecksSubgraphEnv(loadConfig, { port: 4008, clinicalTarget: '127.0.0.1:50058', identityTarget: '127.0.0.1:50051' });

  it('reads Kafka only when KAFKA_BROKERS is set; the topic has a default', () => {
    const idle = loadConfig({});
    expect([idle.kafkaBrokers, idle.clinicalTopic]).toEqual([undefined, 'clinical']);
    const kafka = loadConfig({ KAFKA_BROKERS: ' 127.0.0.1:9092, 10.0.0.2:9092 ', CLINICAL_TOPIC: 'clinical.run-1' });
    expect([kafka.kafkaBrokers, kafka.clinicalTopic]).toEqual([['127.0.0.1:9092', '10.0.0.2:9092'], 'clinical.run-1']);
  });

  it("reads CLINICAL_TOPIC by the service kit's rule: an illegal Kafka topic name is refused", () => {
    // Before issue 13 the subgraph checked only that the name was not empty.
    expect(() => loadConfig({ CLINICAL_TOPIC: 'clinical events' })).toThrow(/CLINICAL_TOPIC: letters, digits/);
  });
});
