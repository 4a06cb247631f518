/** @hospital/notifications-service: appointment events → email, SMS and in-app notifications. */
export { startNotificationsService, ALL_CHANNELS, type NotificationsServiceConfig, type RunningNotificationsService } from './notifications-service.ts';
export { loadConfig } from './env.ts';
export { NOTIFICATIONS_SERVICE_NAME } from './service.ts';
export { LoggingSmsProvider, type SmsProvider, type SmsMessage } from './channels/sms-channel.ts';
export type { ChannelName } from './channels/notification-channel.ts';
