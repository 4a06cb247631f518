/**
 * What leaves the process in a span: only attribute keys from a fixed list, whose values are
 * methods, status codes, table-free SQL verbs, topic names and the like. Anything else a library
 * sets (the gateway's `graphql.document` with its literals, `graphql.operation.name` a client
 * chose, exception messages and stacks) is dropped here, at export, so no patient data or token
 * reaches a trace backend whatever instrumentation adds later. Span and event names pass: they
 * are fixed texts in code.
 */
import type { Attributes } from '@opentelemetry/api';
import type { ExportResult } from '@opentelemetry/core';
import type { ReadableSpan, SpanExporter } from '@opentelemetry/sdk-trace-node';

/** Attribute keys exported; all others are removed. */
export const SAFE_SPAN_ATTRIBUTES: ReadonlySet<string> = new Set([
  'http.request.method',
  'http.response.status_code',
  'http.route',
  'rpc.system',
  'rpc.method',
  'rpc.grpc.status_code',
  'db.system.name',
  'db.operation.name',
  'db.client.connection.pool.name',
  'messaging.system',
  'messaging.operation.type',
  'messaging.destination.name',
  'messaging.destination.partition.id',
  'messaging.consumer.group.name',
  'messaging.batch.message_count',
  'graphql.operation.type',
  'hospital.subgraph',
  'error.type',
  'exception.type',
]);

/**
 * The attributes whose keys are on the list.
 * @param attributes - as recorded
 */
export function safeAttributes(attributes: Attributes | undefined): Attributes {
  const kept: Attributes = {};
  for (const [key, value] of Object.entries(attributes ?? {})) if (SAFE_SPAN_ATTRIBUTES.has(key)) kept[key] = value;
  return kept;
}

/**
 * A view of a finished span with only safe attributes (on the span, its events and links) and no
 * status message; everything else is read through to the original.
 * @param span - a finished span
 */
export function safeSpan(span: ReadableSpan): ReadableSpan {
  const view = Object.create(span) as ReadableSpan;
  Object.defineProperties(view, {
    attributes: { value: safeAttributes(span.attributes) },
    events: { value: span.events.map((event) => ({ ...event, attributes: safeAttributes(event.attributes) })) },
    links: { value: span.links.map((link) => ({ ...link, attributes: safeAttributes(link.attributes) })) },
    status: { value: { code: span.status.code } },
  });
  return view;
}

/** Wraps an exporter so only {@link safeSpan} views reach it. */
export class SafeSpanExporter implements SpanExporter {
  /** @param inner - the real exporter (OTLP) */
  constructor(private readonly inner: SpanExporter) {}

  export(spans: ReadableSpan[], resultCallback: (result: ExportResult) => void): void {
    this.inner.export(spans.map(safeSpan), resultCallback);
  }

  shutdown(): Promise<void> {
    return this.inner.shutdown();
  }

  forceFlush(): Promise<void> {
    return this.inner.forceFlush?.() ?? Promise.resolve();
  }
}
