/** The notifications department's contract: service package and promise client. */
import { createPromiseClient, loadProto, type ClientOptions, type PromiseClient } from './client.ts';
import type { ProtoGrpcType } from './generated/notifications.ts';
import type { NotificationsServiceDefinition } from './generated/hospital/notifications/v1/NotificationsService.ts';

/** The notifications department's package (service constructor and definition). */
export const notificationsProto = loadProto<ProtoGrpcType>('hospital/notifications/v1/notifications.proto').hospital.notifications.v1;

/** Promise client of the notifications service. */
export type NotificationsClient = PromiseClient<NotificationsServiceDefinition>;

/**
 * Opens a client to the notifications service.
 * @param options - target and default deadline
 */
export function createNotificationsClient(options: ClientOptions): NotificationsClient {
  return createPromiseClient<NotificationsServiceDefinition>(notificationsProto.NotificationsService, options);
}
