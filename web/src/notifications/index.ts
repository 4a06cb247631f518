/** The notifications inbox: the header's bell and its panel. */
export { NotificationBell, NOTIFICATION_REFRESH_MS } from './NotificationBell.tsx';
