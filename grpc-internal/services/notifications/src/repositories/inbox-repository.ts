/** The in-app inbox: notifications written by the in-app channel and read by their recipient. */

/** What a notification says and whom it is for: the same whether it is being put in the inbox or read from it. */
export interface InboxContent {
  /** The recipient user's UUID. */
  userId: string;
  eventType: string;
  /** The appointment it is about (appointment events); null for a lab result notification. */
  appointmentId: string | null;
  /** The lab order item it is about (lab result events); null for an appointment notification. */
  labOrderId: string | null;
  title: string;
  body: string;
}

/** An in-app notification. */
export interface InboxNotification extends InboxContent {
  id: string;
  createdAt: Date;
  /** First time the recipient marked it read; null while unread. */
  readAt: Date | null;
}

/** Where a page of a user's inbox starts (exclusive), newest first. */
export interface InboxPosition {
  createdAt: Date;
  id: string;
}

/** A notification to put in an inbox. */
export interface InboxEntry extends InboxContent {
  /** The delivery it fulfils (one notification per delivery). */
  deliveryId: string;
}

/** Storage of the in-app inbox. */
export interface InboxRepository {
  /**
   * Stores a notification; a second call for the same delivery changes nothing.
   * @param entry - what to store
   */
  deliver(entry: InboxEntry): Promise<void>;
  /**
   * A page of a user's notifications, newest first.
   * @param query - user, unread filter, start and size
   */
  listForUser(query: { userId: string; unreadOnly: boolean; after?: InboxPosition; limit: number }): Promise<InboxNotification[]>;
  /**
   * How many of a user's notifications match.
   * @param query - user and unread filter
   */
  countForUser(query: { userId: string; unreadOnly: boolean }): Promise<number>;
  /**
   * A user's notifications among these ids (anyone else's are left out).
   * @param userId - the owner
   * @param ids - notification UUIDs
   */
  findForUser(userId: string, ids: readonly string[]): Promise<InboxNotification[]>;
  /**
   * Marks a user's notification read, keeping the first read time; undefined when the user has
   * no such notification (someone else's is indistinguishable from a missing one).
   * @param userId - the owner
   * @param id - notification UUID
   */
  markRead(userId: string, id: string): Promise<InboxNotification | undefined>;
}
