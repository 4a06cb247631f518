/** Composition root of the notifications service: env → logger → start → shutdown. */
import { createLogger, EnvError, registerShutdown } from '@hospital/service-kit';
import { loadConfig, type NotificationsEnvConfig } from './env.ts';
import { startNotificationsService } from './notifications-service.ts';

let config: NotificationsEnvConfig;
try {
  config = loadConfig(process.env);
} catch (error) {
  // A configuration problem is the operator's to fix: list it plainly, without a stack trace.
  if (!(error instanceof EnvError)) throw error;
  console.error(error.message);
  process.exit(1);
}
const logger = createLogger('notifications-service', config.logLevel);
if (!config.email.smtpUrl) logger.warn('SMTP_URL is not set: emails are recorded as skipped, not sent');
const service = await startNotificationsService(config, { logger });
registerShutdown(logger, [() => service.close()]);
