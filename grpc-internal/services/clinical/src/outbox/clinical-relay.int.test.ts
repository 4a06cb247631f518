/**
 * The one outbox relay (service kit) serves the clinical outbox too: against real PostgreSQL (a
 * database of this file's own: a relay ships every unpublished row it finds) and the run's real
 * Kafka, every committed clinical event reaches the topic once, keyed by patient, with the
 * envelope headers, reads back through the contract's readClinicalEventMessage, and is marked
 * published; two relays at once still ship each row once.
 */
import { randomUUID } from 'node:crypto';
import { CLINICAL_OUTBOX, PrismaOutboxStore } from '@hospital/db';
import { readClinicalEventMessage } from '@hospital/grpc-contracts';
import { createLogger } from '@hospital/service-kit';
import { createKafkaEventBus, EVENT_HEADERS, startOutboxRelay } from '@hospital/service-kit/kafka';
import { readTopic, waitFor } from '@hospital/test-support/kafka-topic';
import { describe, expect, it } from 'vitest';
import { testKafkaBrokers } from '../../../../../test/helpers.ts';
import { useOwnDatabase } from '../../../../../test/own-database.ts';
import { PrismaVitalsRepository } from '../repositories/prisma-clinical-repository.ts';
import { sampleVitals } from '../testing/sample-vitals.ts';
import { vitalsEvent } from './clinical-events.ts';

const logger = createLogger('clinical-relay-test', 'silent');
const own = useOwnDatabase({ poolSize: 6 });

describe('the clinical outbox relay', () => {
  it('ships every clinical event once, in order per patient, and marks it published (two relays at once)', async () => {
    const brokers = testKafkaBrokers();
    const topic = `clinical-relay-${randomUUID()}`;
    const buses = [0, 1].map(() => createKafkaEventBus({ brokers: [brokers], clientId: 'clinical-relay-test', logger }));
    await buses[0]!.ensureTopic({ topic, partitions: 3, retentionMs: 3_600_000 });
    const vitals = new PrismaVitalsRepository(own.db);
    const patients = Array.from({ length: 4 }, () => randomUUID());
    for (let round = 0; round < 5; round++) {
      for (const patientId of patients)
        await vitals.record(sampleVitals(patientId, { spo2Percent: round % 2 ? 88 : 97 }), (s) => vitalsEvent(s, { actorId: null, encounterId: null, wardId: null }));
    }
    const written = await own.db.clinicalOutboxEvent.findMany({ select: { id: true } });
    expect(written).toHaveLength(20);
    const relays = buses.map((bus) => startOutboxRelay({ store: new PrismaOutboxStore(own.db, CLINICAL_OUTBOX), bus, topic, batchSize: 3, pollIntervalMs: 20, logger }));
    try {
      await waitFor(async () => (await own.db.clinicalOutboxEvent.count({ where: { publishedAt: null } })) === 0, 60_000, 'both relays to finish');
    } finally {
      await Promise.all(relays.map((r) => r.stop()));
      await Promise.all(buses.map((b) => b.close()));
    }
    const events = await readTopic(brokers, topic, (seen) => new Set(seen.map((e) => e.headers[EVENT_HEADERS.eventId])).size >= 20);
    expect(events.map((e) => e.headers[EVENT_HEADERS.eventId]).sort()).toEqual(written.map((w) => w.id).sort());
    for (const message of events) {
      const read = readClinicalEventMessage({ key: message.key, value: message.value, headers: message.headers }, EVENT_HEADERS);
      expect(read.ok, JSON.stringify(read)).toBe(true);
      expect(message.headers[EVENT_HEADERS.schemaVersion]).toBe('1');
    }
    for (const patientId of patients) {
      const mine = events.filter((e) => e.key === patientId);
      expect(mine.map((e) => e.headers[EVENT_HEADERS.eventType])).toEqual(['VITALS_RECORDED', 'VITALS_ABNORMAL', 'VITALS_RECORDED', 'VITALS_ABNORMAL', 'VITALS_RECORDED']);
      const sequences = mine.map((e) => BigInt(e.headers[EVENT_HEADERS.sequence]!));
      expect(sequences).toEqual([...sequences].sort((a, b) => (a < b ? -1 : 1)));
    }
  }, 120_000);
});
