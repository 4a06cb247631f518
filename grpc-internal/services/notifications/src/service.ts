/**
 * The NotificationsService handlers map: who may call each method, and which handler serves it.
 * Every method goes through service-kit's `unary`, which checks the signed identity.
 */
import type { NotificationsServiceHandlers } from '@hospital/grpc-contracts';
import { unary, type HandlerSecurity } from '@hospital/service-kit/grpc';
import { countMyUnreadHandler } from './handlers/count-my-unread.handler.ts';
import { getNotificationsHandler } from './handlers/get-notifications.handler.ts';
import { listDeliveriesHandler } from './handlers/list-deliveries.handler.ts';
import { listMyNotificationsHandler } from './handlers/list-my-notifications.handler.ts';
import { markNotificationReadHandler } from './handlers/mark-notification-read.handler.ts';
import type { NotificationsDeps } from './notifications-deps.ts';

/** Fully qualified service name, as health checks know it. */
export const NOTIFICATIONS_SERVICE_NAME = 'hospital.notifications.v1.NotificationsService';

/**
 * Builds the handlers of NotificationsService.
 * @param deps - inbox and delivery storage
 * @param security - internal secret and logger for the `unary` wrapper
 */
export function createNotificationsHandlers(deps: NotificationsDeps, security: HandlerSecurity): NotificationsServiceHandlers {
  return {
    // Everyone on staff has an inbox; each sees only their own.
    ListMyNotifications: unary('authenticated', (request, scope) => listMyNotificationsHandler(request, deps, scope), security),
    CountMyUnreadNotifications: unary('authenticated', (_request, scope) => countMyUnreadHandler(deps, scope), security),
    MarkNotificationRead: unary('authenticated', (request, scope) => markNotificationReadHandler(request, deps, scope), security),
    GetNotifications: unary('authenticated', (request, scope) => getNotificationsHandler(request, deps, scope), security),
    // The delivery log names recipients (masked): operators only.
    ListDeliveries: unary(['admin'], (request) => listDeliveriesHandler(request, deps), security),
  };
}
