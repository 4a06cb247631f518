/** Composition root of the finance service: env → logger → start → /metrics → shutdown (the kit's runMain). */
import { runnableName } from '@hospital/grpc-contracts/departments';
import { runMain } from '@hospital/service-kit';
import { loadConfig } from './env.ts';
import { startFinanceService } from './finance-service.ts';

// Prometheus scrapes METRICS_PORT (unset: not served); see the README's Observability section.
await runMain({ name: runnableName('finance', 'service'), env: process.env, loadConfig, metrics: 'METRICS_PORT', start: startFinanceService });
