/** Generated notifications message and handler types, re-exported under short names. */
export type { NotificationsServiceHandlers } from './generated/hospital/notifications/v1/NotificationsService.ts';
export type { Channel as NotificationChannelProto, Channel__Output as NotificationChannelProto__Output } from './generated/hospital/notifications/v1/Channel.ts';
export type { DeliveryStatus as DeliveryStatusProto, DeliveryStatus__Output as DeliveryStatusProto__Output } from './generated/hospital/notifications/v1/DeliveryStatus.ts';
export type { RecipientKind as RecipientKindProto, RecipientKind__Output as RecipientKindProto__Output } from './generated/hospital/notifications/v1/RecipientKind.ts';
export type { AttemptOutcome as AttemptOutcomeProto, AttemptOutcome__Output as AttemptOutcomeProto__Output } from './generated/hospital/notifications/v1/AttemptOutcome.ts';
export type { Notification, Notification__Output } from './generated/hospital/notifications/v1/Notification.ts';
export type { Delivery, Delivery__Output } from './generated/hospital/notifications/v1/Delivery.ts';
export type { DeliveryAttempt, DeliveryAttempt__Output } from './generated/hospital/notifications/v1/DeliveryAttempt.ts';
export type { ListMyNotificationsRequest, ListMyNotificationsRequest__Output } from './generated/hospital/notifications/v1/ListMyNotificationsRequest.ts';
export type { ListMyNotificationsResponse, ListMyNotificationsResponse__Output } from './generated/hospital/notifications/v1/ListMyNotificationsResponse.ts';
export type { CountMyUnreadNotificationsRequest, CountMyUnreadNotificationsRequest__Output } from './generated/hospital/notifications/v1/CountMyUnreadNotificationsRequest.ts';
export type { CountMyUnreadNotificationsResponse, CountMyUnreadNotificationsResponse__Output } from './generated/hospital/notifications/v1/CountMyUnreadNotificationsResponse.ts';
export type { MarkNotificationReadRequest, MarkNotificationReadRequest__Output } from './generated/hospital/notifications/v1/MarkNotificationReadRequest.ts';
export type { GetNotificationsRequest, GetNotificationsRequest__Output } from './generated/hospital/notifications/v1/GetNotificationsRequest.ts';
export type { GetNotificationsResponse, GetNotificationsResponse__Output } from './generated/hospital/notifications/v1/GetNotificationsResponse.ts';
export type { ListDeliveriesRequest, ListDeliveriesRequest__Output } from './generated/hospital/notifications/v1/ListDeliveriesRequest.ts';
export type { ListDeliveriesResponse, ListDeliveriesResponse__Output } from './generated/hospital/notifications/v1/ListDeliveriesResponse.ts';
