/**
 * The outbox relay against real Kafka, on a database of its own (a relay ships every unpublished
 * row it finds, so it must not share the run's database with other files' relays):
 * - a stopped broker loses nothing: 50 bookings made meanwhile all arrive, each once, after it returns;
 * - two relays at once over 100 rows publish each row once, each appointment's events in order.
 */
import { randomUUID } from 'node:crypto';
import { createLogger } from '@hospital/service-kit';
import { createKafkaEventBus, EVENT_HEADERS, type IncomingEvent } from '@hospital/service-kit/kafka';
import { describe, expect, it } from 'vitest';
import { testKafkaBrokers } from '../../../../../test/helpers.ts';
import { useOwnDatabase } from '../../../../../test/own-database.ts';
import { startAppointmentsHarness } from '../testing/appointments-harness.ts';
import { readTopic, startPrivateBroker, waitFor } from '../testing/kafka-testing.ts';
import { sampleEvent, sampleSnapshot } from '../testing/sample-event.ts';
import { startOutboxRelay } from './outbox-relay.ts';
import { writeOutboxEvent } from './outbox-writer.ts';

const logger = createLogger('relay-test', 'silent');
const own = useOwnDatabase({ poolSize: 4 });

const topicSpec = (topic: string) => ({ topic, partitions: 3, retentionMs: 3_600_000 });
const idsOf = (events: IncomingEvent[]) => events.map((e) => e.headers[EVENT_HEADERS.eventId]!);

/** Every event id seen once and only once. */
function expectEachOnce(events: IncomingEvent[], expected: readonly string[]) {
  const counts = new Map<string, number>();
  for (const id of idsOf(events)) counts.set(id, (counts.get(id) ?? 0) + 1);
  expect([...counts.keys()].sort()).toEqual([...expected].sort());
  expect([...counts.values()].every((n) => n === 1)).toBe(true);
}

describe('outbox relay', () => {
  it('loses nothing while the broker is down: 50 bookings arrive once each after it is back', async () => {
    const broker = await startPrivateBroker(process.env);
    const topic = `appointments-fault-${randomUUID()}`;
    const h = await startAppointmentsHarness(own.database.url, {
      kafka: { brokers: [broker.brokers], clientId: 'relay-fault-test', topic: topicSpec(topic), dlqTopic: `${topic}.dlq` },
      relay: { pollIntervalMs: 100, batchSize: 20 },
    });
    try {
      const [doctorId, patientId] = await Promise.all([h.newDoctor(), h.newPatient()]);
      const admin = () => ({ metadata: h.as('admin') });
      await broker.stop();
      const booked: string[] = [];
      for (let i = 0; i < 50; i++) booked.push((await h.client.bookAppointment({ patientId, doctorId, ...h.slot(i * 30) }, admin())).id);
      // Committed, in the outbox, not published: the relay cannot reach the broker.
      const ours = { appointmentId: { in: booked } };
      expect(await own.db.outboxEvent.count({ where: ours })).toBe(50);
      expect(await own.db.outboxEvent.count({ where: { ...ours, publishedAt: { not: null } } })).toBe(0);
      await broker.start();
      await waitFor(async () => (await own.db.outboxEvent.count({ where: { ...ours, publishedAt: null } })) === 0, 90_000, 'the relay to catch up');
      const eventIds = (await own.db.outboxEvent.findMany({ where: ours, select: { id: true } })).map((row) => row.id);
      const events = await readTopic(broker.brokers, topic, (seen) => new Set(idsOf(seen)).size >= 50, { settleMs: 2_000 });
      expectEachOnce(events, eventIds);
      expect(new Set(events.map((e) => e.key))).toEqual(new Set(booked));
      expect(JSON.parse(events[0]!.value!)).toMatchObject({ version: 1, type: 'BOOKED' });
      expect(events[0]!.headers).toMatchObject({ [EVENT_HEADERS.eventType]: 'BOOKED', [EVENT_HEADERS.schemaVersion]: '1' });
    } finally {
      await h.close();
      await broker.remove();
    }
  }, 240_000);

  it('two relays at once publish each of 100 rows once, every appointment in order', async () => {
    const topic = `appointments-pair-${randomUUID()}`;
    const brokers = testKafkaBrokers();
    const buses = [0, 1].map(() => createKafkaEventBus({ brokers: [brokers], clientId: 'relay-pair-test', logger }));
    await buses[0]!.ensureTopic(topicSpec(topic));
    // 100 rows: 10 appointments with 10 events each, interleaved by sequence.
    const appointments = Array.from({ length: 10 }, () => randomUUID());
    const written: string[] = [];
    await own.db.$transaction(async (tx) => {
      for (let round = 0; round < 10; round++) {
        for (const id of appointments) {
          const eventId = randomUUID();
          await writeOutboxEvent(tx, sampleEvent(sampleSnapshot(id), { eventId, type: round === 0 ? 'BOOKED' : 'RESCHEDULED' }));
          written.push(eventId);
        }
      }
    });
    const relays = buses.map((bus) => startOutboxRelay({ db: own.db, bus, topic, batchSize: 7, pollIntervalMs: 20, logger }));
    try {
      await waitFor(async () => (await own.db.outboxEvent.count({ where: { id: { in: written }, publishedAt: null } })) === 0, 60_000, 'both relays to finish');
    } finally {
      await Promise.all(relays.map((r) => r.stop()));
      await Promise.all(buses.map((b) => b.close()));
    }
    const events = await readTopic(brokers, topic, (seen) => new Set(idsOf(seen)).size >= 100);
    expectEachOnce(events, written);
    for (const id of appointments) {
      const sequences = events.filter((e) => e.key === id).map((e) => BigInt(e.headers[EVENT_HEADERS.sequence]!));
      expect(sequences).toHaveLength(10);
      expect(sequences).toEqual([...sequences].sort((a, b) => (a < b ? -1 : 1)));
    }
  }, 120_000);
});
