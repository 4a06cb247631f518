/**
 * A notifications service in a process of its own, so a test can kill it with SIGKILL in the
 * middle of its work (a real crash: no shutdown hook runs, no offset is committed on the way
 * out). The configuration arrives as JSON in NOTIFICATIONS_CHILD_CONFIG; "ready" on stdout.
 */
import { createLogger } from '@hospital/service-kit';
import { startNotificationsService, type NotificationsServiceConfig } from '../notifications-service.ts';

const config = JSON.parse(process.env['NOTIFICATIONS_CHILD_CONFIG'] ?? '{}') as NotificationsServiceConfig;
await startNotificationsService(config, { logger: createLogger('notifications-child', 'silent') });
process.stdout.write('ready\n');
