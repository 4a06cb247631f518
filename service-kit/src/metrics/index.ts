/** Prometheus metrics of the service kit: one registry per process, the gRPC and audit meters, the `/metrics` server. */
export { counter, gauge, gaugeOnScrape, histogram, initProcessMetrics, LATENCY_BUCKETS_SECONDS, metricsRegistry } from './registry.ts';
export { meterPool } from './db-metrics.ts';
export { metricsPortOf, serveMetrics, serveProcessMetrics, startMetricsServer, type RunningMetricsServer } from './metrics-server.ts';
export { errorCodeLabel, OTHER_LABEL } from './labels.ts';
