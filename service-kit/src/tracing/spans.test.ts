/**
 * Tracing off (the default) leaves every hook inert, and on, the hooks propagate W3C context: the
 * kit's tracer provider against a real OTLP receiver, torn down again so nothing leaks.
 */
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { callMetadata } from '../grpc-metadata.ts';
import { createLogger } from '../logger.ts';
import { currentTraceId, currentTraceparent, inSpan, tracingActive } from './spans.ts';
import { startOtlpReceiver } from './otlp-receiver.ts';
import { startTracing } from './tracing-sdk.ts';

function capturedLogger() {
  const lines: Array<Record<string, unknown>> = [];
  const sink = new Writable({ write: (chunk: Buffer, _enc, done) => (lines.push(JSON.parse(chunk.toString()) as Record<string, unknown>), done()) });
  return { lines, logger: createLogger('spans-test', 'info', sink) };
}

describe('tracing hooks', () => {
  it('do nothing when tracing is off: no span, no traceparent in metadata, no traceId in logs', async () => {
    expect(tracingActive()).toBe(false);
    const { lines, logger } = capturedLogger();
    await inSpan('unit', {}, async (span) => {
      expect(span).toBeUndefined();
      expect(currentTraceparent()).toBeUndefined();
      expect(callMetadata('token', 'req-1').get('traceparent')).toEqual([]);
      logger.info('inside');
    });
    expect(lines[0]).not.toHaveProperty('traceId');
  });

  it('when on, carry the current span into gRPC metadata and log lines, and export it', async () => {
    const receiver = await startOtlpReceiver();
    const tracing = startTracing({ serviceName: 'unit', tracesUrl: receiver.tracesUrl, sampleRatio: 1 }, { batchDelayMs: 50 });
    try {
      const { lines, logger } = capturedLogger();
      let traceId: string | undefined;
      await inSpan('unit work', {}, async () => {
        traceId = currentTraceId();
        expect(callMetadata('token', 'req-1').get('traceparent')[0]).toBe(currentTraceparent());
        logger.info('inside');
      });
      expect(traceId).toMatch(/^[0-9a-f]{32}$/);
      expect(lines[0]).toMatchObject({ traceId });
      await tracing.flush();
      expect(receiver.spans.map((s) => [s.name, s.traceId, s.serviceName])).toEqual([['unit work', traceId, 'unit']]);
    } finally {
      await tracing.close();
      await receiver.close();
    }
    expect(tracingActive()).toBe(false);
  });
});
