/** Composition root of the appointments service: env → logger → start → /metrics → shutdown (the kit's runMain). */
import { runnableName } from '@hospital/grpc-contracts/departments';
import { runMain } from '@hospital/service-kit';
import { startAppointmentsService } from './appointments-service.ts';
import { loadConfig } from './env.ts';
import { startOutboxMetrics } from './outbox/outbox-metrics.ts';

// Prometheus scrapes METRICS_PORT (unset: not served); see the README's Observability section.
await runMain({
  name: runnableName('appointments', 'service'),
  env: process.env,
  loadConfig,
  metrics: 'METRICS_PORT',
  start: async (config, deps) => [await startAppointmentsService(config, deps), startOutboxMetrics(config.databaseUrl)],
});
