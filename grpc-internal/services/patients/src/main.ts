/** Composition root of the patients service: env → logger → start → /metrics → shutdown (the kit's runMain). */
import { runnableName } from '@hospital/grpc-contracts/departments';
import { runMain } from '@hospital/service-kit';
import { loadConfig } from './env.ts';
import { startPatientsService } from './patients-service.ts';

// Prometheus scrapes METRICS_PORT (unset: not served); see the README's Observability section.
await runMain({ name: runnableName('patients', 'service'), env: process.env, loadConfig, metrics: 'METRICS_PORT', start: startPatientsService });
