/**
 * The export filter, driven through the real SDK: a span carrying a patient's name, an MRN, a
 * password and a token in attributes, an exception event and a status message reaches the
 * exporter with none of them (like the log redaction test).
 */
import { SpanStatusCode } from '@opentelemetry/api';
import { BasicTracerProvider, InMemorySpanExporter, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-node';
import { describe, expect, it } from 'vitest';
import { SafeSpanExporter } from './safe-export.ts';

const SECRETS = ['Ottilie Tracewell', 'MRN-00012345', 'hunter2-password', 'eyJhbGciOiJFUzI1NiJ9.secret.token'];

describe('SafeSpanExporter', () => {
  it('exports only listed attribute keys, no exception message or stack, no status message', async () => {
    const memory = new InMemorySpanExporter();
    const provider = new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(new SafeSpanExporter(memory))] });
    const span = provider.getTracer('test').startSpan('grpc /hospital.patients.v1.PatientsService/GetPatient', {
      attributes: {
        'rpc.system': 'grpc',
        'graphql.document': `{ searchPatients(query: "${SECRETS[0]}") { mrn } }`,
        'graphql.operation.name': SECRETS[1]!,
        'enduser.password': SECRETS[2]!,
        'http.request.header.authorization': `Bearer ${SECRETS[3]}`,
      },
      links: [{ context: { traceId: '0af7651916cd43dd8448eb211c80319c', spanId: 'b7ad6b7169203331', traceFlags: 1 }, attributes: { note: SECRETS[0]! } }],
    });
    span.recordException(new Error(`Patient ${SECRETS[0]} (${SECRETS[1]}) not found`));
    span.setStatus({ code: SpanStatusCode.ERROR, message: `token ${SECRETS[3]} rejected` });
    span.end();
    await provider.forceFlush();

    const [exported] = memory.getFinishedSpans();
    expect(exported?.attributes).toEqual({ 'rpc.system': 'grpc' });
    expect(exported?.events.map((e) => [e.name, e.attributes])).toEqual([['exception', { 'exception.type': 'Error' }]]);
    expect(exported?.status).toEqual({ code: SpanStatusCode.ERROR });
    expect(exported?.spanContext().traceId).toMatch(/^[0-9a-f]{32}$/);
    const text = JSON.stringify({ a: exported?.attributes, e: exported?.events, l: exported?.links, s: exported?.status });
    for (const secret of SECRETS) expect(text).not.toContain(secret);
    await provider.shutdown();
  });
});
