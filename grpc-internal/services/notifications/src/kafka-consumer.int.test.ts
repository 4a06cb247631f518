/**
 * The Kafka consumer against the run's real broker, each test on a topic of its own:
 * - killed (SIGKILL) in the middle of a stream and restarted, it creates every notification
 *   exactly once; replaying the whole topic in a fresh group creates nothing more;
 * - raw garbage and a version-99 payload are dead-lettered with the reason and their origin,
 *   their offsets are committed, and the next good message is processed.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readTopic } from '@hospital/appointments-service/testing';
import { createLogger } from '@hospital/service-kit';
import { createKafkaEventBus, DLQ_HEADERS, EVENT_HEADERS, type OutgoingEvent } from '@hospital/service-kit/kafka';
import { testDatabaseUrl, testKafkaBrokers } from '../../../../test/helpers.ts';
import { startNotificationsService, type NotificationsServiceConfig } from './notifications-service.ts';
import { eventually, startNotificationsHarness, type NotificationsHarness } from './testing/notifications-harness.ts';

const logger = createLogger('notifications-kafka-test', 'silent');
const CHILD = path.join(path.dirname(fileURLToPath(import.meta.url)), 'testing/kafka-consumer-child.ts');
let h: NotificationsHarness;
const bus = () => createKafkaEventBus({ brokers: [testKafkaBrokers()], clientId: 'notifications-kafka-test', logger });
const producer = bus();
beforeAll(async () => {
  // The harness's own service polls PullEvents; these tests publish straight to their topics.
  h = await startNotificationsHarness(testDatabaseUrl(), { sendChannels: ['in_app', 'sms'] });
});
afterAll(async () => {
  await producer.close();
  await h?.close();
});

/** A service config that consumes `topic` in `groupId` (in-app only: deliveries stay countable). */
function kafkaConfig(topic: string, groupId: string): NotificationsServiceConfig {
  return {
    ...h.config,
    sendChannels: ['in_app'],
    kafka: { brokers: [testKafkaBrokers()], clientId: 'notifications-kafka-test', topic: { topic, partitions: 3, retentionMs: 3_600_000 }, dlqTopic: `${topic}.dlq`, groupId },
  };
}

/** A BOOKED event for a real patient (phone only) and doctor: three deliveries (sms, email, in-app). */
async function bookedEvent(doctorId: string, patientId: string, offsetMinutes: number): Promise<OutgoingEvent & { eventId: string }> {
  const eventId = randomUUID();
  const appointmentId = randomUUID();
  const startsAt = new Date(Date.now() + 86_400_000 + offsetMinutes * 60_000);
  const payload = {
    version: 1,
    eventId,
    type: 'BOOKED',
    occurredAt: new Date().toISOString(),
    actorId: doctorId,
    appointment: {
      id: appointmentId,
      patientId,
      doctorId,
      startsAt: startsAt.toISOString(),
      endsAt: new Date(startsAt.getTime() + 1_800_000).toISOString(),
      status: 'SCHEDULED',
      reason: null,
    },
  };
  const headers = { [EVENT_HEADERS.eventId]: eventId, [EVENT_HEADERS.eventType]: 'BOOKED', [EVENT_HEADERS.schemaVersion]: '1', [EVENT_HEADERS.sequence]: String(offsetMinutes) };
  return { eventId, key: appointmentId, value: JSON.stringify(payload), headers };
}

const received = (eventIds: string[]) => h.db.notificationReceivedEvent.count({ where: { eventId: { in: eventIds } } });
const deliveries = (eventIds: string[]) =>
  h.db.notificationDelivery.findMany({ where: { eventId: { in: eventIds } }, select: { eventId: true, channel: true, recipientId: true } });

function startChild(config: NotificationsServiceConfig): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', CHILD], {
    env: { ...process.env, NOTIFICATIONS_CHILD_CONFIG: JSON.stringify(config) },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => chunk.toString().includes('ready') && resolve(child));
    child.once('exit', (code) => reject(new Error(`child exited early (${code})`)));
  });
}

describe('notifications from Kafka', () => {
  it('creates every notification exactly once when the consumer is killed mid-stream and restarted', async () => {
    const topic = `appointments-crash-${randomUUID()}`;
    const groupId = `notifications-${randomUUID()}`;
    const doctor = await h.newDoctor();
    const patientId = await h.newPatient({ phone: '07700 900789' });
    const events = await Promise.all(Array.from({ length: 60 }, (_, i) => bookedEvent(doctor.id, patientId, i)));
    const ids = events.map((e) => e.eventId);
    const child = await startChild(kafkaConfig(topic, groupId));
    await producer.publish(topic, events);
    await eventually(async () => ((await received(ids)) >= 5 ? true : undefined), 'the child to process some events', 30_000);
    child.kill('SIGKILL');
    await new Promise((resolve) => child.once('exit', resolve));
    const atCrash = await received(ids);
    expect(atCrash).toBeLessThan(60);

    const restarted = await startNotificationsService(kafkaConfig(topic, groupId), { logger });
    try {
      await eventually(async () => ((await received(ids)) === 60 ? true : undefined), 'all events after the restart', 60_000);
    } finally {
      await restarted.close();
    }
    const expectOnce = async () => {
      const rows = await deliveries(ids);
      expect(rows).toHaveLength(60 * 3);
      expect(new Set(rows.map((r) => `${r.eventId}:${r.channel}:${r.recipientId}`)).size).toBe(60 * 3);
      expect(await h.db.notification.count({ where: { userId: doctor.id } })).toBe(60);
    };
    await eventually(async () => ((await h.db.notification.count({ where: { userId: doctor.id } })) === 60 ? true : undefined), 'the in-app sends', 30_000);
    await expectOnce();

    // Every offset lost: a fresh group replays the whole topic, and nothing is created twice.
    const replay = await startNotificationsService(kafkaConfig(topic, `replay-${randomUUID()}`), { logger });
    try {
      await readTopic(testKafkaBrokers(), topic, (seen) => seen.length >= 60, { settleMs: 3_000 });
    } finally {
      await replay.close();
    }
    await expectOnce();
  }, 180_000);

  it('dead-letters raw garbage and a version-99 payload with the reason, and processes the next good message', async () => {
    const topic = `appointments-poison-${randomUUID()}`;
    const groupId = `notifications-${randomUUID()}`;
    const doctor = await h.newDoctor();
    const patientId = await h.newPatient({ phone: '07700 900790' });
    const good = await bookedEvent(doctor.id, patientId, 0);
    const v99 = await bookedEvent(doctor.id, patientId, 30);
    const v99Payload = { ...(JSON.parse(v99.value) as object), version: 99 };
    const service = await startNotificationsService(kafkaConfig(topic, groupId), { logger });
    try {
      const key = good.key; // one key, one partition: the good message comes after the poison
      await producer.publish(topic, [
        { key, value: '\u0000not json at all {' },
        { key, value: JSON.stringify(v99Payload), headers: { ...v99.headers, [EVENT_HEADERS.schemaVersion]: '99' } },
        { key, value: good.value, headers: good.headers },
      ]);
      await eventually(async () => ((await received([good.eventId])) === 1 ? true : undefined), 'the good message', 30_000);
    } finally {
      await service.close();
    }
    expect(await deliveries([good.eventId])).toHaveLength(3);
    expect(await received([v99.eventId])).toBe(0);
    const dead = await readTopic(testKafkaBrokers(), `${topic}.dlq`, (seen) => seen.length >= 2);
    expect(dead.map((d) => d.headers[DLQ_HEADERS.reason])).toEqual(['payload is not JSON', 'unsupported payload version']);
    expect(dead[1]!.headers).toMatchObject({ [DLQ_HEADERS.topic]: topic, [DLQ_HEADERS.consumerGroup]: groupId, [EVENT_HEADERS.eventId]: v99.eventId });
    expect(dead.map((d) => d.headers[DLQ_HEADERS.offset])).toEqual(['0', '1']);
    expect(dead[0]!.value).toBe('\u0000not json at all {');

    // The offsets were committed: the group restarts after them and dead-letters nothing again.
    const again = await startNotificationsService(kafkaConfig(topic, groupId), { logger });
    await new Promise((r) => setTimeout(r, 4_000));
    await again.close();
    expect(await readTopic(testKafkaBrokers(), `${topic}.dlq`, (seen) => seen.length >= 2, { settleMs: 1_000 })).toHaveLength(2);
  }, 120_000);
});
