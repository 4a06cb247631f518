/**
 * One subscription's view of a process-wide event feed: an async iterator (what GraphQL
 * `subscribe` returns) over the events that pass its filter. The listener is registered at once,
 * so nothing emitted after `subscribe` returned is lost, and removed when the iterator is closed.
 */
import type { EventFeed } from './event-feed.ts';

/** Events one slow subscriber may have waiting before it is cut off. */
export const MAX_QUEUED_EVENTS = 1_000;

/** Raised to a subscriber that fell too far behind (its stream ends with this error). */
export class SubscriberTooSlowError extends Error {
  constructor() {
    super('Subscriber fell too far behind; subscribe again.');
  }
}

/**
 * Opens a filtered stream over the source.
 * @param source - the process-wide event feed
 * @param accept - which events this subscriber receives
 * @param maxQueued - bound on waiting events (memory stays bounded whatever the client does)
 */
export function openEventStream<E>(source: EventFeed<E>, accept: (event: E) => boolean, maxQueued = MAX_QUEUED_EVENTS): AsyncIterableIterator<E> {
  const queue: E[] = [];
  let waiting: ((result: IteratorResult<E>) => void) | undefined;
  let failure: Error | undefined;
  let done = false;

  const finish = () => {
    done = true;
    unsubscribe();
  };
  const unsubscribe = source.subscribe((event) => {
    if (done || !accept(event)) return;
    if (waiting) {
      const resolve = waiting;
      waiting = undefined;
      resolve({ value: event, done: false });
    } else if (queue.length >= maxQueued) {
      // Nobody is waiting while the queue is non-empty: the reader meets the error after the queue.
      failure = new SubscriberTooSlowError();
      finish();
    } else queue.push(event);
  });

  return {
    async next() {
      if (queue.length > 0) return { value: queue.shift() as E, done: false };
      if (failure) throw failure;
      if (done) return { value: undefined, done: true };
      return new Promise<IteratorResult<E>>((resolve) => {
        waiting = resolve;
      });
    },
    async return() {
      if (!done) finish();
      waiting?.({ value: undefined, done: true });
      waiting = undefined;
      queue.length = 0;
      return { value: undefined, done: true };
    },
    [Symbol.asyncIterator]() {
      return this;
    },
  };
}
