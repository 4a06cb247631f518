/** Composition root of the clinical service: env → logger → start (with the outbox relay when KAFKA_BROKERS is set) → /metrics → shutdown (the kit's runMain). */
import { CLINICAL_OUTBOX, startOutboxMetrics } from '@hospital/db';
import { runnableName } from '@hospital/grpc-contracts/departments';
import { runMain } from '@hospital/service-kit';
import { loadConfig } from './env.ts';
import { startClinicalService } from './clinical-service.ts';

// Prometheus scrapes METRICS_PORT (unset: not served); see the README's Observability section.
// The outbox gauges (outbox_unpublished_rows, outbox_oldest_unpublished_age_seconds) come with /metrics.
await runMain({
  name: runnableName('clinical', 'service'),
  env: process.env,
  loadConfig,
  metrics: 'METRICS_PORT',
  start: async (config, deps) => [await startClinicalService(config, deps), startOutboxMetrics(config.databaseUrl, CLINICAL_OUTBOX)],
});
