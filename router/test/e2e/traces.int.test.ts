/**
 * Traces end to end (issue 15), every hop real and exported for real: the process's tracer
 * provider sends OTLP/HTTP protobuf to a receiver in this test, which decodes what arrives. A query
 * is one trace router → subgraph → gRPC → SQL; a booking's trace is linked from the Kafka consumer
 * spans of the notification it caused and of the subgraph feed that delivers it to subscribers;
 * log lines carry the trace id; no exported span carries a name, MRN, e-mail, password or token.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger, currentTraceId, startTracing, type RunningTracing } from '@hospital/service-kit';
import { createKafkaEventBus } from '@hospital/service-kit/kafka';
import { startOtlpReceiver, type OtlpReceiver, type ReceivedSpan } from '@hospital/service-kit/testing';
import { startKafkaEventFeed } from '../../../subgraphs/appointments/src/events/kafka-event-feed.ts';
import { e2eKafka } from '@hospital/test-support/departments/kafka';
import { testDatabaseUrl } from '../../../test/helpers.ts';
import type { TestSystem } from '@hospital/test-support/system';
import { systemForFile } from '../support/system-database.ts';
import { dataOf } from './ward-fixtures.ts';

const SERVER = 2;
const CLIENT = 3;
const CONSUMER = 5;

let receiver: OtlpReceiver;
let tracing: RunningTracing;
let system: TestSystem;
const logLines: Array<Record<string, unknown>> = [];

/** Flushes and waits until `predicate` holds over the spans received. */
async function until(predicate: (spans: ReceivedSpan[]) => boolean, what: string, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    await tracing.flush();
    if (predicate(receiver.spans)) return;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** The ancestors of a span, nearest first. */
function ancestry(span: ReceivedSpan, spans: ReceivedSpan[]): ReceivedSpan[] {
  const byId = new Map(spans.map((s) => [s.spanId, s]));
  const chain: ReceivedSpan[] = [];
  for (let parent = byId.get(span.parentSpanId); parent; parent = byId.get(parent.parentSpanId)) chain.push(parent);
  return chain;
}

// The tracer provider is up before the system starts and closes after it (hooks declared first close last).
beforeAll(async () => {
  receiver = await startOtlpReceiver();
  tracing = startTracing({ serviceName: 'e2e-traces', tracesUrl: receiver.tracesUrl, sampleRatio: 1 }, { batchDelayMs: 100 });
});
afterAll(async () => {
  await tracing?.close();
  await receiver?.close();
});
systemForFile((running) => (system = running), { logDestination: { write: (line) => void logLines.push(JSON.parse(line) as Record<string, unknown>) } });

describe('traces', () => {
  const familyName = `Tracewell${randomUUID()
    .replace(/[^a-z]/g, '')
    .slice(0, 8)}`;
  const email = `trace-${randomUUID().slice(0, 8)}@example.org`;
  let doctor: string;
  let patient: { id: string; mrn: string };

  it('follows one query from the router through a subgraph and a gRPC call down to SQL, in one trace', async () => {
    doctor = await system.tokenFor('doctor');
    const registered = await system.gql<{ registerPatient: { id: string; mrn: string } }>(
      'mutation($input: RegisterPatientInput!) { registerPatient(input: $input) { id mrn } }',
      { input: { givenName: 'Ottilie', familyName, dateOfBirth: '1968-02-03', email } },
      doctor,
    );
    patient = dataOf(registered).registerPatient;
    const read = await system.gql<{ patient: { id: string } }>('query ReadPatient($id: ID!) { patient(id: $id) { id familyName } }', { id: patient.id }, doctor);
    expect(dataOf(read).patient.id).toBe(patient.id);

    // The router's span of that request is the root of its trace; find the SQL under it.
    let root: ReceivedSpan | undefined;
    await until((spans) => {
      const sql = spans.filter((s) => s.kind === CLIENT && s.name.startsWith('SQL '));
      root = sql
        .map((s) => ancestry(s, spans).at(-1))
        .find(
          (top) =>
            top?.kind === SERVER &&
            top.attributes['hospital.subgraph'] === undefined &&
            top.parentSpanId === '' &&
            spans.some((g) => g.traceId === top.traceId && g.name === 'gateway.request'),
        );
      return root !== undefined;
    }, 'a router trace that reaches SQL');
    const trace = receiver.spans.filter((s) => s.traceId === root!.traceId);
    const sql = trace.find((s) => s.name.startsWith('SQL '))!;
    const chain = ancestry(sql, trace).map((s) => s.name);
    // SQL ← gRPC handler ← subgraph request ← gateway fetch … ← router request.
    expect(chain[0]).toMatch(/^grpc \/hospital\.patients\.v1\.PatientsService\//);
    expect(chain).toContain('POST /graphql');
    expect(chain.at(-1)).toBe('POST /graphql');
    expect(chain).toContain('gateway.fetch');
    const subgraphSpan = trace.find((s) => s.kind === SERVER && s.attributes['hospital.subgraph'] === 'patients');
    expect(subgraphSpan).toBeDefined();
    expect(sql.attributes).toMatchObject({ 'db.system.name': 'postgresql' });
    expect(trace.find((s) => s.name.startsWith('grpc '))!.attributes).toMatchObject({ 'rpc.system': 'grpc', 'rpc.grpc.status_code': 0 });
  });

  it('puts the trace id in the log lines of that request', async () => {
    const response = await system.gql('query Me { me { id } }', {}, doctor);
    expect(response.requestId).toBeDefined();
    const access = logLines.find((line) => line['requestId'] === response.requestId && line['msg'] === 'request');
    expect(access?.['traceId']).toMatch(/^[0-9a-f]{32}$/);
    await until((spans) => spans.some((s) => s.traceId === access!['traceId'] && s.name === 'POST /graphql'), 'the logged trace');
    // The gRPC service's own line of that request carries the same trace id.
    const traceIds = new Set(logLines.filter((line) => line['requestId'] === response.requestId).map((line) => line['traceId']));
    expect([...traceIds]).toEqual([access!['traceId']]);
  });

  it("links the booking's trace from the notification consumer and the subscriber feed", async () => {
    // A subscriber feed of the appointments subgraph on the run's topic (the e2e subgraph polls
    // the outbox instead): what a replica's live subscriptions receive, with the trace current.
    const bus = createKafkaEventBus({ brokers: e2eKafka(testDatabaseUrl(), 'x').brokers, clientId: 'traces-feed', logger: createLogger('traces-feed', 'silent') });
    const feed = await startKafkaEventFeed({ bus, topic: e2eKafka(testDatabaseUrl(), 'x').topic.topic, logger: createLogger('traces-feed', 'silent') });
    const delivered: Array<{ appointmentId: string; traceId: string | undefined }> = [];
    feed.subscribe((event) => void delivered.push({ appointmentId: event.appointment.id, traceId: currentTraceId() }));
    const start = new Date();
    start.setUTCDate(start.getUTCDate() + 3);
    start.setUTCHours(9, 0, 0, 0);
    const booked = await system.gql<{ bookAppointment: { id: string } }>(
      'mutation Book($input: BookAppointmentInput!) { bookAppointment(input: $input) { id } }',
      { input: { patientId: patient.id, startsAt: start.toISOString(), endsAt: new Date(start.getTime() + 30 * 60_000).toISOString(), reason: 'Trace check' } },
      doctor,
    );
    const bookingTrace = logLines.find((line) => line['requestId'] === booked.requestId && line['msg'] === 'request')?.['traceId'];
    expect(bookingTrace).toMatch(/^[0-9a-f]{32}$/);
    const linked = (spans: ReceivedSpan[]) => spans.filter((s) => s.kind === CONSUMER && s.links.some((l) => l.traceId === bookingTrace));
    await until((spans) => {
      const groups = new Set(linked(spans).map((s) => String(s.attributes['messaging.consumer.group.name'])));
      return [...groups].some((g) => g.startsWith('notifications')) && groups.has(feed.groupId);
    }, 'consumer spans of the notification and the subscriber feed');
    for (const consumer of linked(receiver.spans)) {
      // A trace of its own, linked (not parented) to the booking.
      expect(consumer.traceId).not.toBe(bookingTrace);
      expect(consumer.parentSpanId).toBe('');
      expect(consumer.attributes).toMatchObject({ 'messaging.system': 'kafka', 'messaging.operation.type': 'process' });
    }
    // The subscriber's listener ran inside its consumer span's trace.
    const appointmentId = dataOf(booked).bookAppointment.id;
    const feedSpan = linked(receiver.spans).find((s) => s.attributes['messaging.consumer.group.name'] === feed.groupId);
    expect(delivered.find((d) => d.appointmentId === appointmentId)?.traceId).toBe(feedSpan?.traceId);
    await feed.close();
    await bus.close();
    // The notification's work (its SQL) belongs to the consumer's trace.
    const notification = linked(receiver.spans).find((s) => String(s.attributes['messaging.consumer.group.name']).startsWith('notifications'))!;
    await until((spans) => spans.some((s) => s.traceId === notification.traceId && s.name.startsWith('SQL ')), 'SQL of the notification');
  });

  it('exports no patient data, password or token in any span', async () => {
    await tracing.flush();
    const secrets = [familyName, email, patient.mrn, doctor, system.accounts.doctor.password, 'Ottilie', 'Trace check'];
    const exported = receiver.bodies.map((body) => body.toString('latin1')).join('\n');
    for (const secret of secrets) expect(exported, `exported spans contain ${secret.slice(0, 12)}…`).not.toContain(secret);
    // The gateway records the operation's document and name; both are dropped at export.
    expect(receiver.spans.some((s) => s.name === 'gateway.request')).toBe(true);
    expect(receiver.spans.every((s) => !('graphql.document' in s.attributes) && !('graphql.operation.name' in s.attributes))).toBe(true);
  });
});
