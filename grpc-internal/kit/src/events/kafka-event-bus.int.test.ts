/** The Kafka event bus against the run's real broker: ordering by key, acks, commits after handling. */
import { randomUUID } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { testKafkaBrokers } from '../../../../test/helpers.ts';
import { createLogger } from '../logger.ts';
import { createKafkaEventBus } from './kafka-event-bus.ts';
import type { IncomingEvent } from './event-bus.ts';

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

async function until(predicate: () => boolean, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!predicate()) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 50));
  }
}

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
    await producer.publish(topic, [{ key: 'a', value: 'first' }, { key: 'a', value: 'second' }]);
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
});
