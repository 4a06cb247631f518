/** OpenTelemetry traces of the kit: configuration, the provider, hand-made spans, propagation. */
export { tracingConfigOf, tracingEnv, type TracingConfig } from './tracing-env.ts';
export { startTracing, type RunningTracing } from './tracing-sdk.ts';
export { currentTraceId, currentTraceparent, extractTraceContext, inSpan, injectTraceContext, linkFrom, tracingActive, SpanKind, type Carrier } from './spans.ts';
export { httpServerSpans, inConsumerSpan, inGrpcServerSpan } from './server-spans.ts';
export { tracePool } from './sql-spans.ts';
export { SAFE_SPAN_ATTRIBUTES, SafeSpanExporter, safeAttributes } from './safe-export.ts';
