/** Composition root of the notifications service: env → logger → start → /metrics → shutdown (the kit's runMain). */
import { runnableName } from '@hospital/grpc-contracts/departments';
import { runMain } from '@hospital/service-kit';
import { loadConfig } from './env.ts';
import { startNotificationsService } from './notifications-service.ts';

// Prometheus scrapes METRICS_PORT (unset: not served); see the README's Observability section.
await runMain({
  name: runnableName('notifications', 'service'),
  env: process.env,
  loadConfig,
  metrics: 'METRICS_PORT',
  start: (config, deps) => {
    if (!config.email.smtpUrl) deps.logger.warn('SMTP_URL is not set: emails are recorded as skipped, not sent');
    for (const warning of config.warnings) deps.logger.warn(warning);
    return startNotificationsService(config, deps);
  },
});
