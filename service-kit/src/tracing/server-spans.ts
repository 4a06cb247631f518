/**
 * Server spans of the three kinds of hop: an HTTP request (router, subgraph), a gRPC call and a
 * Kafka message. Each continues the caller's trace from `traceparent` when the hop is internal,
 * and each is a no-op wrapper with tracing off.
 */
import { context, ROOT_CONTEXT, SpanKind, trace } from '@opentelemetry/api';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extractTraceContext, inSpan, kitTracer, linkFrom, tracingActive, type Carrier } from './spans.ts';

/**
 * Express-style middleware opening one SERVER span per request, current while it is handled and
 * ended when the response is finished.
 * @param options - the span name (a fixed route, e.g. `POST /graphql`); `continueTrace`: follow an
 *   incoming `traceparent` (internal hops) or start a new trace (the public edge: a client's
 *   trace id is not trusted to group our spans)
 */
export function httpServerSpans(options: { route: string; continueTrace: boolean; subgraph?: string }) {
  return (req: IncomingMessage, res: ServerResponse, next: () => void): void => {
    if (!tracingActive()) return next();
    const parent = options.continueTrace ? extractTraceContext(req.headers) : ROOT_CONTEXT;
    const span = kitTracer().startSpan(
      `${req.method ?? 'GET'} ${options.route}`,
      {
        kind: SpanKind.SERVER,
        attributes: { 'http.request.method': req.method ?? 'GET', 'http.route': options.route, 'hospital.subgraph': options.subgraph },
      },
      parent,
    );
    res.once('close', () => {
      span.setAttribute('http.response.status_code', res.statusCode);
      span.end();
    });
    context.with(trace.setSpan(parent, span), next);
  };
}

const noFinish = (): void => {};

/**
 * Runs a gRPC handler inside a SERVER span that continues the caller's trace.
 * @param path - `/hospital.<dept>.v1.<Dept>Service/<Method>` (from the contracts: a bounded set)
 * @param traceparent - the caller's `traceparent` metadata value, if any
 * @param fn - the handler; `finish(code)` records the status code it answered
 */
export function inGrpcServerSpan<T>(path: string, traceparent: string | undefined, fn: (finish: (code: number) => void) => Promise<T>): Promise<T> {
  if (!tracingActive()) return fn(noFinish);
  const parent = traceparent ? extractTraceContext({ traceparent }) : context.active();
  return inSpan(`grpc ${path}`, { kind: SpanKind.SERVER, parent, attributes: { 'rpc.system': 'grpc', 'rpc.method': path } }, (span) =>
    fn((code) => span?.setAttribute('rpc.grpc.status_code', code)),
  );
}

/**
 * Handles one consumed Kafka message inside a CONSUMER span that starts a trace of its own and
 * links to the span that caused the message (its `traceparent` header): the booking's trace
 * links to the notification and to each subscriber's delivery, without one trace growing with
 * every consumer that ever reads the event.
 * @param message - topic, partition, group and headers
 * @param fn - the handler
 */
export function inConsumerSpan<T>(message: { topic: string; partition: number; group: string; headers: Carrier }, fn: () => Promise<T>): Promise<T> {
  if (!tracingActive()) return fn();
  return inSpan(
    `${message.topic} process`,
    {
      kind: SpanKind.CONSUMER,
      parent: ROOT_CONTEXT,
      links: linkFrom(message.headers),
      attributes: {
        'messaging.system': 'kafka',
        'messaging.operation.type': 'process',
        'messaging.destination.name': message.topic,
        'messaging.destination.partition.id': String(message.partition),
        'messaging.consumer.group.name': message.group,
      },
    },
    () => fn(),
  );
}
