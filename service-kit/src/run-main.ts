/**
 * The composition root every runnable's main.ts shares: read the whole configuration (or list
 * every bad variable and exit 1), logger, tracing, start, /metrics, one shutdown in reverse order.
 * main.ts passes process.env in, so only main.ts reads the environment.
 */
import { loadConfigOrExit } from './env.ts';
import { createLogger, type LevelWithSilent, type Logger } from './logger.ts';
import { metricsPortOf, serveProcessMetrics } from './metrics/index.ts';
import { registerShutdown, shutdownGraceMs, type Closer } from './shutdown.ts';
import { startTracing, tracingConfigOf } from './tracing/index.ts';

/** What a main.ts hands to {@link runMain}. */
export interface MainSpec<C extends { logLevel: LevelWithSilent }> {
  /** The runnable's name in logs, traces and metrics ('ward-service', 'ward-subgraph', 'router'). */
  name: string;
  /** The environment (process.env, read by main.ts only). */
  env: Record<string, string | undefined>;
  /** The runnable's own env.ts reader; throws EnvError listing its problems. */
  loadConfig: (env: Record<string, string | undefined>) => C;
  /**
   * Where /metrics is served: 'METRICS_PORT' (the services' variable, unset: not served), a reader
   * of the port from the runnable's config (the router's ROUTER_METRICS_PORT), or absent: no
   * metrics endpoint (the subgraphs).
   */
  metrics?: 'METRICS_PORT' | ((config: C) => number | undefined);
  /**
   * Starts the runnable (a service's or subgraph's own start function fits as it is).
   * @returns what it started, in start order (registerShutdown closes the last first; /metrics and tracing close before them)
   */
  start: (config: C, deps: { logger: Logger }) => Promise<Closable | Closable[]>;
}

/** Anything {@link runMain} closes at shutdown. */
export interface Closable {
  close(): Promise<void> | void;
}

/**
 * Runs a main.ts: configuration first (nothing starts on a bad variable), then logger, tracing
 * (only with OTEL_TRACES_EXPORTER=otlp), the runnable, its /metrics, and SIGTERM/SIGINT shutdown
 * within SHUTDOWN_GRACE_MS.
 * @param spec - name, environment, config reader, metrics port and start
 */
export async function runMain<C extends { logLevel: LevelWithSilent }>(spec: MainSpec<C>): Promise<void> {
  const { env } = spec;
  const {
    config,
    metricsPort,
    graceMs,
    tracing: tracingConfig,
  } = loadConfigOrExit({
    config: () => spec.loadConfig(env),
    metricsPort: () => (spec.metrics === 'METRICS_PORT' ? metricsPortOf(env) : undefined),
    graceMs: () => shutdownGraceMs(env),
    tracing: () => tracingConfigOf(env, spec.name),
  });
  const logger = createLogger(spec.name, config.logLevel);
  const tracing = startTracing(tracingConfig);
  const started = await spec.start(config, { logger });
  const closers: Closer[] = (Array.isArray(started) ? started : [started]).map((part) => () => part.close());
  const metrics = spec.metrics ? await serveProcessMetrics(spec.name, typeof spec.metrics === 'function' ? spec.metrics(config) : metricsPort) : undefined;
  registerShutdown(logger, [...closers, ...(metrics ? [() => metrics.close()] : []), () => tracing.close()], { graceMs });
}
