/** The Kafka event bus against the run's real broker: ordering by key, acks, commits after handling, its metrics. */
import { randomUUID } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { testKafkaBrokers, until as waitUntil } from '../../../test/helpers.ts';
import { createLogger } from '../logger.ts';
import { createKafkaEventBus } from './kafka-event-bus.ts';
import type { IncomingEvent } from './event-bus.ts';
import { publishDeadLetter } from './dead-letter.ts';
import { metricsRegistry } from '../metrics/registry.ts';

const logger = createLogger('kafka-test', 'silent');
const buses: Array<{ close(): Promise<void> }> = [];
const bus = () => {
  const created = createKafkaEventBus({ brokers: [testKafkaBrokers()], clientId: 'kit-test', logger });
  buses.push(created);
  return created;
};
afterAll(async () => {
  await Promise.all(buses.map((b) => b.close()));
});

const until = (predicate: () => boolean, timeoutMs = 20_000) => waitUntil(predicate, timeoutMs, 50);

describe('kafka event bus', () => {
  it('delivers every event, in order per key, with headers', async () => {
    const topic = `test-${randomUUID()}`;
    const producer = bus();
    await producer.ensureTopic({ topic, partitions: 3, retentionMs: 3_600_000 });
    await producer.ensureTopic({ topic, partitions: 3, retentionMs: 3_600_000 }); // idempotent
    const events = Array.from({ length: 30 }, (_, i) => ({ key: `k${i % 3}`, value: JSON.stringify({ i }), headers: { type: 'T' } }));
    await producer.publish(topic, events);
    const seen: IncomingEvent[] = [];
    await bus().subscribe({ groupId: `g-${randomUUID()}`, topic, handle: async (e) => void seen.push(e) });
    await until(() => seen.length === 30);
    for (const key of ['k0', 'k1', 'k2']) {
      const order = seen.filter((e) => e.key === key).map((e) => (JSON.parse(e.value!) as { i: number }).i);
      expect(order).toEqual([...order].sort((a, b) => a - b));
    }
    expect(seen[0]!.headers['type']).toBe('T');
  });

  it('commits only after the handler succeeded: a failed message comes back', async () => {
    const topic = `test-${randomUUID()}`;
    const producer = bus();
    await producer.ensureTopic({ topic, partitions: 1, retentionMs: 3_600_000 });
    await producer.publish(topic, [
      { key: 'a', value: 'first' },
      { key: 'a', value: 'second' },
    ]);
    const handled: string[] = [];
    let failOnce = true;
    await bus().subscribe({
      groupId: `g-${randomUUID()}`,
      topic,
      handle: async (e) => {
        if (e.value === 'second' && failOnce) {
          failOnce = false;
          throw new Error('transient');
        }
        handled.push(e.value!);
      },
    });
    await until(() => handled.includes('second'));
    expect(handled).toEqual(['first', 'second']);
  });

  it('closes an idle subscription without waiting out the fetch the broker holds open', async () => {
    const topic = `test-${randomUUID()}`;
    const consuming = bus();
    await consuming.ensureTopic({ topic, partitions: 1, retentionMs: 3_600_000 });
    const subscription = await consuming.subscribe({ groupId: `g-${randomUUID()}`, topic, handle: async () => undefined });
    // Joined and fetching an empty topic: the broker holds the fetch for CONSUMER_MAX_WAIT_MS.
    await new Promise((resolve) => setTimeout(resolve, 300));
    const started = Date.now();
    await subscription.close();
    // kafkajs's default hold (5 s) made this close wait about 4.7 s; the bound leaves room for a loaded machine.
    expect(Date.now() - started).toBeLessThan(2_500);
  });
});

describe('kafka metrics', () => {
  const sample = async (name: string, labels: Record<string, string>): Promise<number | undefined> => {
    const metric = await metricsRegistry().getSingleMetric(name)?.get();
    const match = metric?.values.find((v) => Object.entries(labels).every(([k, value]) => String(v.labels[k]) === value));
    return match?.value;
  };

  it('counts a refused publish by topic, and keeps only the topic as a label', async () => {
    const topic = `test-${randomUUID()}`;
    const producer = bus();
    await producer.ensureTopic({ topic, partitions: 1, retentionMs: 3_600_000 });
    const before = (await sample('hospital_kafka_produce_errors_total', { topic })) ?? 0;
    // Over the broker's message.max.bytes (1 MB): refused at once, not retried.
    await expect(producer.publish(topic, [{ key: 'patient-secret-key', value: 'x'.repeat(2_000_000) }])).rejects.toThrow();
    expect(await sample('hospital_kafka_produce_errors_total', { topic })).toBe(before + 1);
    const labels = (await metricsRegistry().getSingleMetric('hospital_kafka_produce_errors_total')!.get()).values.flatMap((v) => Object.keys(v.labels));
    expect(new Set(labels)).toEqual(new Set(['topic']));
  });

  it('reports consumer lag per group, topic and partition while behind, and 0 once caught up', async () => {
    const topic = `test-${randomUUID()}`;
    const groupId = `g-${randomUUID()}`;
    const producer = bus();
    await producer.ensureTopic({ topic, partitions: 1, retentionMs: 3_600_000 });
    await producer.publish(
      topic,
      Array.from({ length: 5 }, (_, i) => ({ key: 'k', value: String(i) })),
    );
    const lagSeen: Array<number | undefined> = [];
    await bus().subscribe({
      groupId,
      topic,
      handle: async () => void lagSeen.push(await sample('hospital_kafka_consumer_lag', { group: groupId, topic, partition: '0' })),
    });
    await until(() => lagSeen.length === 5);
    // While the first message is handled, all five are still behind.
    expect(lagSeen[0]).toBe(5);
    let lagNow: number | undefined;
    for (let i = 0; i < 100 && lagNow !== 0; i += 1) {
      lagNow = await sample('hospital_kafka_consumer_lag', { group: groupId, topic, partition: '0' });
      await new Promise((r) => setTimeout(r, 50));
    }
    expect(lagNow).toBe(0);
  });

  it('counts dead letters by group and original topic', async () => {
    const topic = `test-${randomUUID()}`;
    const producer = bus();
    await producer.ensureTopic({ topic: `${topic}.dlq`, partitions: 1, retentionMs: 3_600_000 });
    const event = { topic, partition: 0, offset: '7', key: 'k', value: '{}', headers: {} };
    await publishDeadLetter(producer, `${topic}.dlq`, event, 'unreadable', 'g-dlq');
    await publishDeadLetter(producer, `${topic}.dlq`, event, 'unreadable', 'g-dlq');
    expect(await sample('hospital_kafka_dead_letters_total', { group: 'g-dlq', topic })).toBe(2);
  });
});
