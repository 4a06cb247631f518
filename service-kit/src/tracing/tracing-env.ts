/**
 * The standard OpenTelemetry variables, read once by a runnable's main.ts through
 * {@link tracingConfigOf}. Tracing is OFF unless OTEL_TRACES_EXPORTER=otlp (the specification's
 * default is otlp; here an unset variable means off, so no process exports by surprise) and
 * OTEL_SDK_DISABLED is not true. Export is OTLP over HTTP with protobuf bodies.
 */
import { z } from 'zod';
import { parseEnv } from '../env.ts';

/** What {@link startTracing} needs; undefined means tracing is off. */
export interface TracingConfig {
  /** service.name of every span (OTEL_SERVICE_NAME, else the runnable's name). */
  serviceName: string;
  /** The OTLP/HTTP traces URL, e.g. http://otel-collector:4318/v1/traces. */
  tracesUrl: string;
  /** Fraction of new traces recorded (0..1); a sampled parent is always followed. */
  sampleRatio: number;
}

const RATIO_SAMPLERS = ['traceidratio', 'parentbased_traceidratio'] as const;

/** The variables, as the kit's other env fragments (spread into a schema or parsed alone). */
export const tracingEnv = {
  OTEL_SDK_DISABLED: z.enum(['true', 'false', 'TRUE', 'FALSE']).optional(),
  OTEL_TRACES_EXPORTER: z.enum(['otlp', 'none']).optional(),
  OTEL_EXPORTER_OTLP_PROTOCOL: z.literal('http/protobuf', { error: 'only http/protobuf is supported' }).optional(),
  OTEL_EXPORTER_OTLP_TRACES_PROTOCOL: z.literal('http/protobuf', { error: 'only http/protobuf is supported' }).optional(),
  OTEL_EXPORTER_OTLP_ENDPOINT: z.url().optional(),
  OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: z.url().optional(),
  OTEL_SERVICE_NAME: z
    .string()
    .regex(/^[A-Za-z0-9._-]{1,64}$/, 'letters, digits and ._- only')
    .optional(),
  OTEL_TRACES_SAMPLER: z.enum(['always_on', 'parentbased_always_on', ...RATIO_SAMPLERS]).optional(),
  OTEL_TRACES_SAMPLER_ARG: z.coerce.number().min(0).max(1).optional(),
};

const schema = z.object(tracingEnv);

/**
 * The tracing configuration of a runnable, or undefined when tracing is off.
 * @param env - the environment (main.ts passes process.env)
 * @param runnable - the default service.name, e.g. `appointments-service`
 * @throws EnvError naming every bad OTEL_* variable
 */
export function tracingConfigOf(env: Record<string, string | undefined>, runnable: string): TracingConfig | undefined {
  const picked = Object.fromEntries(Object.keys(tracingEnv).map((name) => [name, env[name]?.trim()]));
  const vars = parseEnv(schema, picked);
  if (vars.OTEL_SDK_DISABLED?.toLowerCase() === 'true' || vars.OTEL_TRACES_EXPORTER !== 'otlp') return undefined;
  const base = (vars.OTEL_EXPORTER_OTLP_ENDPOINT ?? 'http://localhost:4318').replace(/\/+$/, '');
  const ratio = vars.OTEL_TRACES_SAMPLER && (RATIO_SAMPLERS as readonly string[]).includes(vars.OTEL_TRACES_SAMPLER) ? (vars.OTEL_TRACES_SAMPLER_ARG ?? 1) : 1;
  return {
    serviceName: vars.OTEL_SERVICE_NAME ?? runnable,
    // The per-signal variable is the full URL; the general one is a base the signal path is added to.
    tracesUrl: vars.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT ?? `${base}/v1/traces`,
    sampleRatio: ratio,
  };
}
