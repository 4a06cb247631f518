/** Composition root of the clinical service: env → logger → start → /metrics → shutdown (the kit's runMain). */
import { runMain } from '@hospital/service-kit';
import { loadConfig } from './env.ts';
import { startClinicalService } from './clinical-service.ts';

// Prometheus scrapes METRICS_PORT (unset: not served); see the README's Observability section.
await runMain({ name: 'clinical-service', env: process.env, loadConfig, metrics: 'METRICS_PORT', start: startClinicalService });
