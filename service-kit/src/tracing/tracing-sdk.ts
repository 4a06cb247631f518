/**
 * Turning tracing on: one tracer provider per process, spans batched and exported as OTLP/HTTP
 * protobuf through the {@link SafeSpanExporter}, W3C trace context, AsyncLocalStorage for the
 * current span. `main.ts` calls {@link startTracing} with {@link tracingConfigOf}'s answer; with
 * none (tracing off) nothing is registered and every kit hook stays a boolean test.
 */
import { context, propagation, trace } from '@opentelemetry/api';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-proto';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { BatchSpanProcessor, NodeTracerProvider, ParentBasedSampler, TraceIdRatioBasedSampler } from '@opentelemetry/sdk-trace-node';
import { SafeSpanExporter } from './safe-export.ts';
import { setTracingActive } from './spans.ts';
import type { TracingConfig } from './tracing-env.ts';

/** A started tracer provider: close() flushes what is buffered and unregisters it. */
export interface RunningTracing {
  /** Exports buffered spans now (tests, before asserting). */
  flush(): Promise<void>;
  close(): Promise<void>;
}

/**
 * Starts exporting traces, or does nothing when `config` is undefined (tracing off).
 * @param config - from tracingConfigOf (main.ts) or a test's receiver
 * @param options - batch delay in ms (default 1000; tests use less)
 */
export function startTracing(config: TracingConfig | undefined, options: { batchDelayMs?: number } = {}): RunningTracing {
  if (!config) return { flush: async () => {}, close: async () => {} };
  const exporter = new SafeSpanExporter(new OTLPTraceExporter({ url: config.tracesUrl }));
  const provider = new NodeTracerProvider({
    resource: resourceFromAttributes({ 'service.name': config.serviceName }),
    sampler: new ParentBasedSampler({ root: new TraceIdRatioBasedSampler(config.sampleRatio) }),
    spanProcessors: [new BatchSpanProcessor(exporter, { scheduledDelayMillis: options.batchDelayMs ?? 1_000, maxQueueSize: 8_192 })],
  });
  // Registers the provider, the AsyncLocalStorage context manager and the W3C propagator globally.
  provider.register();
  setTracingActive(true);
  return {
    flush: () => provider.forceFlush(),
    async close() {
      setTracingActive(false);
      await provider.shutdown();
      trace.disable();
      context.disable();
      propagation.disable();
    },
  };
}
