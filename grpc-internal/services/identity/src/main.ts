/** Composition root of the identity service: env → logger → start → /metrics → shutdown (the kit's runMain). */
import { runnableName } from '@hospital/grpc-contracts/departments';
import { runMain } from '@hospital/service-kit';
import { loadConfig } from './env.ts';
import { startIdentityService } from './identity-service.ts';

// Prometheus scrapes METRICS_PORT (unset: not served); see the README's Observability section.
await runMain({ name: runnableName('identity', 'service'), env: process.env, loadConfig, metrics: 'METRICS_PORT', start: startIdentityService });
