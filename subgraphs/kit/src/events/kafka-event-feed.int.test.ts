/**
 * The Kafka feed a subgraph opens, against the run's real broker: opened before its topic exists
 * (as a pod that starts before the topic operator made the topic), it does not fail, reports not
 * reading (the subgraph not ready), keeps retrying, and delivers once the topic is there; a broker
 * that cannot be reached at all is retried the same way.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { createLogger, freePort } from '@hospital/service-kit';
import { createKafkaEventBus } from '@hospital/service-kit/kafka';
import { testKafkaBrokers, until } from '../../../../test/helpers.ts';
import { openKafkaEventFeed } from './kafka-event-feed.ts';
import { readyWithFeed } from './listen-with-feed.ts';

const logger = createLogger('kit-kafka-feed-test', 'silent');
const admin = createKafkaEventBus({ brokers: [testKafkaBrokers()], clientId: 'kit-kafka-feed-test', logger });
afterAll(() => admin.close());

interface TestEvent {
  eventId: string;
}

/** The feed's options for a topic: any JSON with an eventId is an event. */
const feedOptions = (brokers: string[], topic: string) => ({
  brokers,
  clientId: 'kit-kafka-feed-test',
  topic,
  logger,
  kind: 'test',
  groupPrefix: 'kit-kafka-feed-test',
  retry: { firstMs: 100, maxMs: 500 },
  read: (message: { value: string | null }) => {
    const value = JSON.parse(message.value ?? 'null') as Partial<TestEvent> | null;
    return value?.eventId ? { ok: true as const, event: { eventId: value.eventId } } : { ok: false as const, kind: 'invalid', reason: 'eventId' };
  },
});

describe('openKafkaEventFeed', () => {
  it('opens before its topic exists, is not ready until the topic is there, then delivers', async () => {
    const topic = `kit-feed-${randomUUID()}`;
    const feed = await openKafkaEventFeed<TestEvent>(feedOptions([testKafkaBrokers()], topic));
    try {
      const seen: string[] = [];
      feed.subscribe((event) => void seen.push(event.eventId));
      expect(feed.reading?.()).toBe(false);
      expect(await readyWithFeed(feed, async () => true)()).toBe(false);
      // Retried in the background: still not reading a moment later, and nothing crashed.
      await new Promise((resolve) => setTimeout(resolve, 1_000));
      expect(feed.reading?.()).toBe(false);

      await admin.ensureTopic({ topic, partitions: 2, retentionMs: 3_600_000 });
      await until(() => feed.reading?.() === true, 30_000, 100);
      expect(await readyWithFeed(feed, async () => true)()).toBe(true);
      // The group starts at the end once it has its partitions: probe until a live event arrives.
      while (seen.length === 0) {
        await admin.publish(topic, [{ key: 'k', value: JSON.stringify({ eventId: randomUUID() }) }]);
        await until(() => seen.length > 0, 1_000, 50).catch(() => undefined);
      }
      const last = randomUUID();
      await admin.publish(topic, [{ key: 'k', value: JSON.stringify({ eventId: last }) }]);
      await until(() => seen.includes(last), 10_000, 50);
      expect(feed.listenerCount()).toBe(1);
    } finally {
      await feed.close();
    }
  });

  it('opens while no broker answers, retries without failing, and closes cleanly', async () => {
    const nowhere = `127.0.0.1:${await freePort()}`;
    const feed = await openKafkaEventFeed<TestEvent>({ ...feedOptions([nowhere], `kit-feed-${randomUUID()}`), firstAttemptWaitMs: 500 });
    expect(feed.reading?.()).toBe(false);
    const stop = feed.subscribe(() => undefined);
    expect(feed.listenerCount()).toBe(1);
    stop();
    await feed.close();
    expect(feed.reading?.()).toBe(false);
  }, 60_000);
});
