/**
 * The sender's side of the delivery outbox: claiming due deliveries (so that several sender
 * instances never take the same one), recording each attempt's outcome, and listing deliveries
 * for operators.
 */
import type { ChannelName, OutboundMessage } from '../channels/notification-channel.ts';
import type { RecipientKind } from './received-event-repository.ts';

/** A delivery claimed for one attempt. */
export interface ClaimedDelivery extends OutboundMessage {
  /** The number of this attempt (1 for the first). */
  attempt: number;
}

/** What an attempt came to. */
export type AttemptResult = { outcome: 'sent' } | { outcome: 'skipped'; error: string } | { outcome: 'failed'; error: string; retryInMs: number | null };

/** Delivery states. */
export type DeliveryState = 'pending' | 'sent' | 'failed' | 'skipped';

/** One recorded attempt. */
export interface AttemptRecord {
  number: number;
  outcome: 'sent' | 'failed' | 'skipped';
  error: string | null;
  attemptedAt: Date;
}

/** A delivery as operators see it: everything but the message itself. */
export interface DeliveryRecord {
  id: string;
  eventId: string;
  eventType: string;
  /** The appointment it is about; null for a clinical event's delivery. */
  appointmentId: string | null;
  channel: ChannelName;
  recipientKind: RecipientKind;
  recipientId: string;
  address: string | null;
  status: DeliveryState;
  attemptCount: number;
  nextAttemptAt: Date | null;
  lastError: string | null;
  createdAt: Date;
  sentAt: Date | null;
  attempts: AttemptRecord[];
}

/** Where a page of deliveries starts (exclusive), newest first. */
export interface DeliveryPosition {
  createdAt: Date;
  id: string;
}

/** Storage of the delivery outbox. */
export interface DeliveryRepository {
  /**
   * Claims up to `limit` due pending deliveries of the given channels: each gets its attempt
   * number and a lease (its due time moves `leaseMs` ahead), so a crashed sender's claim
   * expires and another instance retries it, while live instances skip rows locked by others.
   * @param query - how many, which channels, how long the lease lasts
   */
  claimDue(query: { limit: number; channels: readonly ChannelName[]; leaseMs: number }): Promise<ClaimedDelivery[]>;
  /**
   * Records an attempt and moves the delivery on (sent, skipped, failed, or due again later).
   * @param delivery - the claimed delivery (id and attempt number)
   * @param result - the outcome
   * @returns false when the claim had expired and another attempt has taken over
   */
  recordAttempt(delivery: Pick<ClaimedDelivery, 'deliveryId' | 'attempt'>, result: AttemptResult): Promise<boolean>;
  /**
   * A page of deliveries with their attempts, newest first.
   * @param query - status filter, start, page size
   */
  list(query: { status?: DeliveryState; after?: DeliveryPosition; limit: number }): Promise<DeliveryRecord[]>;
  /**
   * How many deliveries match.
   * @param query - status filter
   */
  count(query: { status?: DeliveryState }): Promise<number>;
}
