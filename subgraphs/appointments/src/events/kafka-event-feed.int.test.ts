/**
 * The Kafka event feed against the run's real broker, on a topic of its own: a replica's group
 * starts at the end of the topic, skips malformed messages without stopping (the event contract's
 * refusals, envelope included), and de-duplicates.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { createLogger } from '@hospital/service-kit';
import { createKafkaEventBus } from '@hospital/service-kit/kafka';
import { testKafkaBrokers, until as waitUntil } from '../../../../test/helpers.ts';
import { startKafkaEventFeed } from './kafka-event-feed.ts';

const logger = createLogger('kafka-event-feed-test', 'silent');
const bus = createKafkaEventBus({ brokers: [testKafkaBrokers()], clientId: 'appointments-subgraph-test', logger });
afterAll(() => bus.close());

const payload = (eventId = randomUUID()) => ({
  version: 1,
  eventId,
  type: 'BOOKED',
  occurredAt: new Date().toISOString(),
  actorId: null,
  appointment: {
    id: randomUUID(),
    patientId: randomUUID(),
    doctorId: randomUUID(),
    startsAt: '2026-11-26T09:00:00.000Z',
    endsAt: '2026-11-26T09:30:00.000Z',
    status: 'SCHEDULED',
    reason: null,
  },
});

const until = (predicate: () => boolean, timeoutMs = 30_000) => waitUntil(predicate, timeoutMs, 50);

describe('Kafka appointment event feed', () => {
  it('delivers live events to every listener, skipping malformed and repeated ones', async () => {
    const topic = `appointments-${randomUUID()}`;
    await bus.ensureTopic({ topic, partitions: 2, retentionMs: 3_600_000 });
    const history = payload();
    await bus.publish(topic, [{ key: history.appointment.id, value: JSON.stringify(history) }]);
    const source = await startKafkaEventFeed({ bus, topic, logger });
    try {
      const seen: string[] = [];
      const other: string[] = [];
      source.subscribe((e) => void seen.push(e.eventId));
      source.subscribe((e) => void other.push(e.eventId));
      // The group starts at the end once it has its partitions: probe until a live event arrives.
      const probes: string[] = [];
      while (seen.length === 0) {
        const probe = payload();
        probes.push(probe.eventId);
        await bus.publish(topic, [{ key: probe.appointment.id, value: JSON.stringify(probe) }]);
        await until(() => seen.length > 0, 1_000).catch(() => undefined);
      }
      const good = payload();
      await bus.publish(topic, [
        { key: 'k', value: '{"version": 1, "broken": true' },
        { key: 'k', value: JSON.stringify({ ...payload(), version: 9 }) },
        // Keyed by another appointment than the payload names: the contract's envelope check refuses it.
        { key: randomUUID(), value: JSON.stringify(payload()) },
        { key: good.appointment.id, value: JSON.stringify(good) },
        { key: good.appointment.id, value: JSON.stringify(good) },
      ]);
      await until(() => seen.includes(good.eventId));
      await new Promise((r) => setTimeout(r, 300));
      expect(seen.filter((id) => id === good.eventId)).toHaveLength(1);
      expect(seen).not.toContain(history.eventId);
      expect(seen.every((id) => id === good.eventId || probes.includes(id))).toBe(true);
      expect(other).toEqual(seen);
    } finally {
      await source.close();
    }
  });
});
