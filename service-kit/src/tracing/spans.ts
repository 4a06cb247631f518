/**
 * The spans the kit opens by hand (HTTP servers, gRPC handlers, SQL, Kafka) and W3C trace-context
 * propagation. Every helper first asks {@link tracingActive}: with tracing off (the default) they
 * run the wrapped work directly and allocate nothing, so tracing off costs one boolean test.
 */
import { context, propagation, ROOT_CONTEXT, SpanKind, SpanStatusCode, trace, type Attributes, type Context, type Link, type Span } from '@opentelemetry/api';

let active = false;

/** Whether a tracer provider is exporting (set by startTracing). */
export function tracingActive(): boolean {
  return active;
}

/**
 * Marks tracing on or off (startTracing and its close only).
 * @param on - exporting or not
 */
export function setTracingActive(on: boolean): void {
  active = on;
}

/** The kit's tracer (resolved on each use: the provider may be registered after import). */
export const kitTracer = () => trace.getTracer('@hospital/service-kit');

/** Where a span starts: its parent (default: the active context) or a new trace linked to others. */
export interface SpanStart {
  kind?: SpanKind;
  /** Only values from fixed sets: see safe-export.ts, which drops any other key anyway. */
  attributes?: Attributes;
  parent?: Context;
  links?: Link[];
}

/**
 * Runs `fn` inside a span (when tracing is on): the span is current for everything `fn` starts,
 * and ends when it settles. A failure marks the span ERROR with the error's class name only
 * (messages may quote input).
 * @param name - span name: a fixed text (never ids or input)
 * @param start - kind, attributes, parent, links
 * @param fn - the work; receives the span (undefined when tracing is off)
 */
export function inSpan<T>(name: string, start: SpanStart, fn: (span: Span | undefined) => Promise<T>): Promise<T> {
  // Not async itself: tracing off adds no promise to the call.
  return active ? inRecordedSpan(name, start, fn) : fn(undefined);
}

async function inRecordedSpan<T>(name: string, start: SpanStart, fn: (span: Span | undefined) => Promise<T>): Promise<T> {
  const parent = start.parent ?? context.active();
  const span = kitTracer().startSpan(name, { kind: start.kind ?? SpanKind.INTERNAL, attributes: start.attributes, links: start.links }, parent);
  try {
    return await context.with(trace.setSpan(parent, span), () => fn(span));
  } catch (error) {
    markFailed(span, error);
    throw error;
  } finally {
    span.end();
  }
}

/**
 * Marks a span failed without the error's message.
 * @param span - the span
 * @param error - what was thrown (only its class name is kept)
 */
export function markFailed(span: Span, error: unknown): void {
  span.setStatus({ code: SpanStatusCode.ERROR });
  span.setAttribute('error.type', error instanceof Error ? error.name : 'unknown');
}

/** Header or metadata values by lower-case name. */
export type Carrier = Record<string, string | string[] | undefined>;

const getter = {
  keys: (carrier: Carrier) => Object.keys(carrier),
  get: (carrier: Carrier, key: string) => carrier[key],
};

/**
 * The context a `traceparent` (and `tracestate`) in headers names, as a parent or link.
 * @param carrier - incoming headers, gRPC metadata values or Kafka headers
 */
export function extractTraceContext(carrier: Carrier): Context {
  return propagation.extract(ROOT_CONTEXT, carrier, getter);
}

/**
 * Writes the current trace context (`traceparent`, `tracestate`) into outgoing headers; nothing
 * when tracing is off or no span is current.
 * @param carrier - outgoing headers (mutated)
 */
export function injectTraceContext(carrier: Record<string, string>): void {
  if (active) propagation.inject(context.active(), carrier);
}

/** The current span's W3C `traceparent`, for storing beside work done later (the outbox). */
export function currentTraceparent(): string | undefined {
  if (!active) return undefined;
  const carrier: Record<string, string> = {};
  propagation.inject(context.active(), carrier);
  return carrier['traceparent'];
}

/** The current trace id (32 hex digits) for log lines, or undefined. */
export function currentTraceId(): string | undefined {
  if (!active) return undefined;
  const spanContext = trace.getSpanContext(context.active());
  return spanContext && trace.isSpanContextValid(spanContext) ? spanContext.traceId : undefined;
}

/**
 * A link to the span a carrier names, when it names a valid one.
 * @param carrier - headers holding `traceparent`
 */
export function linkFrom(carrier: Carrier): Link[] {
  const linked = trace.getSpanContext(extractTraceContext(carrier));
  return linked && trace.isSpanContextValid(linked) ? [{ context: linked }] : [];
}

export { SpanKind };
