/** What the notifications gRPC handlers need, built once by startNotificationsService. */
import type { DeliveryRepository } from './repositories/delivery-repository.ts';
import type { InboxRepository } from './repositories/inbox-repository.ts';

/** Dependencies of every notifications handler. */
export interface NotificationsDeps {
  /** The in-app inbox. */
  inbox: InboxRepository;
  /** The delivery outbox (operators' view). */
  deliveries: DeliveryRepository;
}
