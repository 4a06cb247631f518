/** The OTEL_* rules: off by default, standard variables, every bad one reported. */
import { describe, expect, it } from 'vitest';
import { EnvError } from '../env.ts';
import { tracingConfigOf } from './tracing-env.ts';

describe('tracingConfigOf', () => {
  it('is off unless OTEL_TRACES_EXPORTER=otlp, and off again with OTEL_SDK_DISABLED=true', () => {
    expect(tracingConfigOf({}, 'router')).toBeUndefined();
    expect(tracingConfigOf({ OTEL_TRACES_EXPORTER: 'none' }, 'router')).toBeUndefined();
    expect(tracingConfigOf({ OTEL_TRACES_EXPORTER: 'otlp', OTEL_SDK_DISABLED: 'true' }, 'router')).toBeUndefined();
  });

  it('takes the endpoint, service name and ratio sampler from the standard variables', () => {
    expect(tracingConfigOf({ OTEL_TRACES_EXPORTER: 'otlp' }, 'router')).toEqual({ serviceName: 'router', tracesUrl: 'http://localhost:4318/v1/traces', sampleRatio: 1 });
    expect(
      tracingConfigOf(
        {
          OTEL_TRACES_EXPORTER: 'otlp',
          OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318/',
          OTEL_SERVICE_NAME: 'router-eu',
          OTEL_TRACES_SAMPLER: 'parentbased_traceidratio',
          OTEL_TRACES_SAMPLER_ARG: '0.25',
        },
        'router',
      ),
    ).toEqual({ serviceName: 'router-eu', tracesUrl: 'http://collector:4318/v1/traces', sampleRatio: 0.25 });
    expect(tracingConfigOf({ OTEL_TRACES_EXPORTER: 'otlp', OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: 'http://c:4318/custom' }, 'x')?.tracesUrl).toBe('http://c:4318/custom');
  });

  it('lists every bad variable at once', () => {
    const bad = () => tracingConfigOf({ OTEL_TRACES_EXPORTER: 'jaeger', OTEL_EXPORTER_OTLP_PROTOCOL: 'grpc', OTEL_TRACES_SAMPLER_ARG: '2' }, 'router');
    expect(bad).toThrow(EnvError);
    expect(bad).toThrow(
      expect.objectContaining({
        problems: [expect.stringMatching(/^OTEL_TRACES_EXPORTER/), expect.stringMatching(/^OTEL_EXPORTER_OTLP_PROTOCOL/), expect.stringMatching(/^OTEL_TRACES_SAMPLER_ARG/)],
      }),
    );
  });
});
