/**
 * One upstream event stream shared by every identical downstream subscription: the upstream
 * starts with the first subscriber and is cancelled when the last one leaves.
 */

/** A queue one subscriber reads from. */
class SubscriberQueue<T> implements AsyncIterableIterator<T> {
  private readonly items: T[] = [];
  private waiting: { resolve: (result: IteratorResult<T>) => void; reject: (error: unknown) => void } | undefined;
  private failure: unknown;
  private done = false;

  constructor(private readonly onLeave: () => void) {}

  push(item: T): void {
    if (this.done) return;
    if (this.waiting) {
      const { resolve } = this.waiting;
      this.waiting = undefined;
      resolve({ value: item, done: false });
    } else this.items.push(item);
  }

  end(error?: unknown): void {
    if (this.done) return;
    this.failure = error;
    this.done = true;
    // A reader can only be waiting on an empty queue.
    if (this.waiting) {
      const { resolve, reject } = this.waiting;
      this.waiting = undefined;
      if (error === undefined) resolve({ value: undefined, done: true });
      else reject(error);
    }
  }

  async next(): Promise<IteratorResult<T>> {
    const item = this.items.shift();
    if (item !== undefined) return { value: item, done: false };
    if (this.done) {
      if (this.failure !== undefined) throw this.failure;
      return { value: undefined, done: true };
    }
    return new Promise((resolve, reject) => (this.waiting = { resolve, reject }));
  }

  async return(): Promise<IteratorResult<T>> {
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

/** Shares upstream iterables by key. */
export class StreamSharer<T> {
  private readonly streams = new Map<string, { subscribers: Set<SubscriberQueue<T>>; upstream: AsyncIterator<T> }>();

  /** How many distinct upstream streams are open (for tests and metrics). */
  get upstreamCount(): number {
    return this.streams.size;
  }

  /**
   * Joins the stream for key, opening it with open() when nobody else has.
   * @param key - identical subscriptions share a key
   * @param open - starts the upstream
   */
  join(key: string, open: () => AsyncIterable<T>): AsyncIterableIterator<T> {
    let entry = this.streams.get(key);
    const queue: SubscriberQueue<T> = new SubscriberQueue<T>(() => {
      const current = this.streams.get(key);
      if (!current) return;
      current.subscribers.delete(queue);
      if (current.subscribers.size === 0) {
        this.streams.delete(key);
        void current.upstream.return?.();
      }
    });
    if (entry) {
      entry.subscribers.add(queue);
      return queue;
    }
    const upstream = open()[Symbol.asyncIterator]();
    entry = { subscribers: new Set([queue]), upstream };
    this.streams.set(key, entry);
    void this.pump(key, entry);
    return queue;
  }

  private async pump(key: string, entry: { subscribers: Set<SubscriberQueue<T>>; upstream: AsyncIterator<T> }): Promise<void> {
    try {
      for (;;) {
        const { value, done } = await entry.upstream.next();
        if (done) break;
        for (const subscriber of entry.subscribers) subscriber.push(value);
      }
      for (const subscriber of entry.subscribers) subscriber.end();
    } catch (error) {
      for (const subscriber of entry.subscribers) subscriber.end(error);
    } finally {
      if (this.streams.get(key) === entry) this.streams.delete(key);
    }
  }
}
