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

/** A subscriber's stream; `end` closes it from the server's side. */
export type EventStream<E> = AsyncIterableIterator<E> & {
  /**
   * Stops listening: the reader gets what was queued, then `last` (when given), then the end.
   * @param last - a final item (e.g. a marker its resolver turns into an error)
   */
  end(last?: E): void;
};

/**
 * Opens a filtered stream over the source.
 * @param source - the process-wide event feed
 * @param accept - which events this subscriber receives
 * @param maxQueued - bound on waiting events (memory stays bounded whatever the client does)
 * @param onEnd - told once when the stream stops listening (returned, ended, or cut off)
 */
export function openEventStream<E>(source: EventFeed<E>, accept: (event: E) => boolean, maxQueued = MAX_QUEUED_EVENTS, onEnd?: () => void): EventStream<E> {
  const queue: E[] = [];
  let waiting: ((result: IteratorResult<E>) => void) | undefined;
  let failure: Error | undefined;
  let done = false;

  const finish = () => {
    if (done) return;
    done = true;
    unsubscribe();
    onEnd?.();
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
    end(last?: E) {
      if (done) return;
      finish();
      if (last === undefined) waiting?.({ value: undefined, done: true });
      else if (waiting) waiting({ value: last, done: false });
      else queue.push(last);
      waiting = undefined;
    },
    async return() {
      finish();
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
