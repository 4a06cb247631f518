/**
 * One subscriber's queue of pending deliveries: the events its group is resolving, in upstream
 * order, each a promise of the result to send. The reader (graphql-ws, which waits for each send
 * to reach the socket) takes them one by one, so a slow client only lengthens its own queue; past
 * `max` waiting events it is cut off (`onOverflow` closes its connection with a close code the
 * client can act on) rather than silently skipping events: a lost event is worse than a closed
 * socket the client reconnects.
 */

/** Raised to a subscriber whose queue overflowed (after the events it had queued). */
export class SubscriberTooSlowError extends Error {
  constructor() {
    super('The subscriber fell too far behind; reconnect and subscribe again.');
  }
}

/** Bounded, ordered queue of pending results read as an async iterator. */
export class DeliveryQueue<T> implements AsyncIterableIterator<T> {
  private readonly items: Promise<T>[] = [];
  private waiting: { resolve: (result: IteratorResult<T>) => void; reject: (error: unknown) => void } | undefined;
  private failure: unknown;
  private done = false;

  /**
   * @param max - waiting events before the subscriber is cut off
   * @param onLeave - told once when the reader stops (return) or the queue is cut off
   * @param onOverflow - told once when the queue overflows (closes the client's connection)
   */
  constructor(
    private readonly max: number,
    private readonly onLeave: () => void,
    private readonly onOverflow: () => void = () => {},
  ) {}

  /** Events waiting (for tests and the overflow check). */
  get length(): number {
    return this.items.length;
  }

  /**
   * Queues a pending result (it may reject: the reader gets the error, the stream ends).
   * @param item - the result being resolved
   */
  push(item: Promise<T>): void {
    if (this.done) return;
    // A rejection is the reader's to see; without this a pending one would be reported unhandled.
    item.catch(() => {});
    if (this.waiting) {
      const { resolve, reject } = this.waiting;
      this.waiting = undefined;
      item.then((value) => resolve({ value, done: false }), reject);
      return;
    }
    if (this.items.length >= this.max) {
      this.end(new SubscriberTooSlowError());
      this.onOverflow();
      return;
    }
    this.items.push(item);
  }

  /**
   * Ends the stream after what is queued (with an error when given).
   * @param error - why it ended, if not normally
   */
  end(error?: unknown): void {
    if (this.done) return;
    this.done = true;
    this.failure = error;
    this.onLeave();
    if (this.waiting) {
      const { resolve, reject } = this.waiting;
      this.waiting = undefined;
      if (error === undefined) resolve({ value: undefined, done: true });
      else reject(error);
    }
  }

  async next(): Promise<IteratorResult<T>> {
    const item = this.items.shift();
    if (item) return { value: await item, done: false };
    if (this.done) {
      // eslint-disable-next-line @typescript-eslint/only-throw-error -- rethrows what the upstream failed with, as it was
      if (this.failure !== undefined) throw this.failure;
      return { value: undefined, done: true };
    }
    return new Promise((resolve, reject) => (this.waiting = { resolve, reject }));
  }

  async return(): Promise<IteratorResult<T>> {
    this.items.length = 0;
    this.failure = undefined;
    if (!this.done) {
      this.done = true;
      this.onLeave();
    }
    this.waiting?.resolve({ value: undefined, done: true });
    this.waiting = undefined;
    return { value: undefined, done: true };
  }

  [Symbol.asyncIterator](): this {
    return this;
  }
}
