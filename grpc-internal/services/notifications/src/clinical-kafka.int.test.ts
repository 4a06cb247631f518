/**
 * Lab results to the ordering doctor (issue 18), through the one Kafka consumer on the run's real
 * broker and real PostgreSQL, each test on topics of its own:
 * - a result entered for doctor A's order → one in-app notification to A saying a result arrived
 *   and when, naming no patient (name, MRN) and no clinical detail (test, value, unit, flag);
 *   doctor B (who ordered nothing) gets nothing; the same message again → still one; an amended
 *   critical result says "Critical amended";
 * - garbage, another payload version and a missing field are dead-lettered with the reason (field
 *   path only), and the next good message is still processed;
 * - VITALS_ABNORMAL is recorded and notifies no one.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readTopic } from '@hospital/appointments-service/testing';
import { sampleClinicalEvent, type SampleClinicalEvent } from '@hospital/grpc-contracts/events/clinical-sample';
import { createLogger } from '@hospital/service-kit';
import { createKafkaEventBus, DLQ_HEADERS, EVENT_HEADERS, type OutgoingEvent } from '@hospital/service-kit/kafka';
import { testDatabaseUrl, testKafkaBrokers } from '../../../../test/helpers.ts';
import { startNotificationsService, type NotificationsServiceConfig, type RunningNotificationsService } from './notifications-service.ts';
import { eventually, startNotificationsHarness, type NotificationsHarness } from './testing/notifications-harness.ts';

const logger = createLogger('notifications-clinical-test', 'silent');
let h: NotificationsHarness;
const producer = createKafkaEventBus({ brokers: [testKafkaBrokers()], clientId: 'notifications-clinical-test', logger });
beforeAll(async () => {
  h = await startNotificationsHarness(testDatabaseUrl(), { sendChannels: ['in_app'] });
});
afterAll(async () => {
  await producer.close();
  await h?.close();
});

/** A service consuming fresh appointments and clinical topics (in-app only). */
function clinicalConfig(clinicalTopic: string): NotificationsServiceConfig {
  const spec = (topic: string) => ({ topic, partitions: 2, retentionMs: 3_600_000 });
  return {
    ...h.config,
    sendChannels: ['in_app'],
    kafka: {
      brokers: [testKafkaBrokers()],
      clientId: 'notifications-clinical-test',
      topic: spec(`appointments-${randomUUID()}`),
      dlqTopic: `appointments-${randomUUID()}.dlq`,
      groupId: `notifications-${randomUUID()}`,
      clinical: { topic: spec(clinicalTopic), dlqTopic: `${clinicalTopic}.dlq` },
    },
  };
}

/** The message the clinical relay publishes for a payload (key = patient id, the kit's headers). */
const message = (payload: SampleClinicalEvent): OutgoingEvent => ({
  key: payload.patientId,
  value: JSON.stringify(payload),
  headers: {
    [EVENT_HEADERS.eventId]: payload.eventId,
    [EVENT_HEADERS.eventType]: payload.type,
    [EVENT_HEADERS.schemaVersion]: String(payload.version),
    [EVENT_HEADERS.sequence]: '1',
  },
});

const inbox = (userId: string) => h.db.notification.findMany({ where: { userId }, orderBy: { createdAt: 'asc' } });
const received = (eventId: string) => h.db.notificationReceivedEvent.count({ where: { eventId } });

async function withService<T>(topic: string, run: (service: RunningNotificationsService) => Promise<T>): Promise<T> {
  const service = await startNotificationsService(clinicalConfig(topic), { logger });
  try {
    return await run(service);
  } finally {
    await service.close();
  }
}

describe('lab results from the clinical topic', () => {
  it('notifies the ordering doctor once, in-app, naming no patient and no clinical detail; never another doctor', async () => {
    const topic = `clinical-${randomUUID()}`;
    const [doctorA, doctorB] = [await h.newDoctor(), await h.newDoctor()];
    const patientId = await h.newPatient({ phone: '07700 900111', email: `lab-${randomUUID().slice(0, 8)}@example.org` });
    const [patient] = await h.db.$queryRaw<
      { mrn: string; given_name: string; family_name: string }[]
    >`SELECT mrn, given_name, family_name FROM patients.patients WHERE id = ${patientId}::uuid`;
    const entered = sampleClinicalEvent('LAB_RESULT_ENTERED', { patientId }, { orderedById: doctorA.id, flag: 'HIGH', value: 5.6 });
    const amended = sampleClinicalEvent('LAB_RESULT_AMENDED', { patientId }, { orderedById: doctorA.id });
    await withService(topic, async () => {
      await producer.publish(topic, [message(entered)]);
      await eventually(async () => ((await inbox(doctorA.id)).length === 1 ? true : undefined), 'the in-app notification', 30_000);
      // The same event again (a relay retry or a replay): recognised by its id, nothing new.
      await producer.publish(topic, [message(entered), message(amended)]);
      await eventually(async () => ((await inbox(doctorA.id)).length === 2 ? true : undefined), 'the amendment', 30_000);
    });
    const [first, second] = await inbox(doctorA.id);
    expect(first).toMatchObject({
      eventType: 'LAB_RESULT_ENTERED',
      labOrderId: entered.labResult?.['orderId'],
      appointmentId: null,
      title: 'Lab result to review',
      body: 'A result of a test you ordered arrived at Tue 8 Dec 2026, 09:00 GMT.',
    });
    expect(second).toMatchObject({ title: 'Critical amended lab result to review', body: 'An amended result of a test you ordered arrived at Tue 8 Dec 2026, 09:00 GMT.' });
    // The stored text outlives the reader's role: no patient, no MRN, no test, value or flag in it.
    for (const stored of [first!, second!]) {
      for (const detail of [patient!.given_name, patient!.family_name, patient!.mrn, 'Potassium', '5.6', '6.8', '5.9', 'mmol/L', 'HIGH']) {
        expect(`${stored.title} ${stored.body}`).not.toContain(detail);
      }
    }
    expect(await inbox(doctorB.id)).toEqual([]);
    // In-app only: no email or SMS to the doctor or the patient carries a lab result.
    const rows = await h.db.notificationDelivery.findMany({ where: { eventId: { in: [entered.eventId, amended.eventId] } } });
    expect(rows.map((r) => [r.channel, r.recipientId])).toEqual([
      ['in_app', doctorA.id],
      ['in_app', doctorA.id],
    ]);
    expect(await received(entered.eventId)).toBe(1);
  }, 120_000);

  it('dead-letters garbage, another version and a missing field by field path, and processes the next good message', async () => {
    const topic = `clinical-${randomUUID()}`;
    const doctor = await h.newDoctor();
    const patientId = await h.newPatient({ phone: '07700 900112' });
    const good = sampleClinicalEvent('LAB_RESULT_ENTERED', { patientId }, { orderedById: doctor.id });
    const v2 = sampleClinicalEvent('LAB_RESULT_ENTERED', { patientId, version: 2 }, { orderedById: doctor.id });
    const noDoctor = sampleClinicalEvent('LAB_RESULT_ENTERED', { patientId }, { orderedById: undefined });
    await withService(topic, async () => {
      // One key, one partition: the good message comes after the three bad ones.
      await producer.publish(topic, [{ key: patientId, value: '{"not json' }, message(v2), message(noDoctor), message(good)]);
      await eventually(async () => ((await inbox(doctor.id)).length === 1 ? true : undefined), 'the good message', 30_000);
    });
    const dead = await readTopic(testKafkaBrokers(), `${topic}.dlq`, (seen) => seen.length >= 3);
    expect(dead.map((d) => d.headers[DLQ_HEADERS.reason])).toEqual(['payload is not JSON', 'unsupported payload version', 'invalid payload fields: labResult.orderedById']);
    expect(await received(v2.eventId)).toBe(0);
    expect(await received(noDoctor.eventId)).toBe(0);
  }, 120_000);

  it('records VITALS_ABNORMAL without notifying anyone (the ward board shows it live)', async () => {
    const topic = `clinical-${randomUUID()}`;
    const doctor = await h.newDoctor();
    const patientId = await h.newPatient({ phone: '07700 900113' });
    const vitals = sampleClinicalEvent('VITALS_ABNORMAL', { patientId, actorId: doctor.id });
    await withService(topic, async () => {
      await producer.publish(topic, [message(vitals)]);
      await eventually(async () => ((await received(vitals.eventId)) === 1 ? true : undefined), 'the vitals event recorded', 30_000);
    });
    expect(await h.db.notificationDelivery.count({ where: { eventId: vitals.eventId } })).toBe(0);
    expect(await inbox(doctor.id)).toEqual([]);
  }, 120_000);
});
