/**
 * A subscription whose right to its events is decided again while it stays open: what a
 * subscriber may follow can change after they subscribed (a ward assignment removed, a care
 * relationship ended), and an open stream must follow the change within a bounded time, not at
 * the next resubscribe. The filter is decided at subscribe (a refusal throws there, before any
 * listener exists), then again every `everyMs`:
 * - a new answer replaces the filter (a narrowed scope delivers less from then on);
 * - a refusal (a GraphQLError FORBIDDEN or UNAUTHENTICATED) ends the stream: the subscriber gets
 *   that error as a last result, then the end;
 * - any other failure (the rule's owner unreachable) delivers nothing until an answer comes again:
 *   an unverified subscriber is not sent events.
 */
import type { GraphQLError } from 'graphql';
import type { Logger } from '@hospital/service-kit';
import type { EventFeed } from './event-feed.ts';
import { MAX_QUEUED_EVENTS, openEventStream } from './event-stream.ts';

/** How often an open subscription's scope is decided again by default. */
export const SCOPE_RECHECK_MS = 30_000;

/** The last item of a stream whose subscriber was refused: its resolver throws the error. */
export class StreamRefused {
  /** @param error - the refusal the subscriber receives */
  constructor(readonly error: GraphQLError) {}
}

/** Codes that end a stream (the caller lost the right); anything else only pauses it. */
const REFUSALS = new Set(['FORBIDDEN', 'UNAUTHENTICATED']);

/**
 * Opens a stream whose filter is decided now and again every `everyMs`.
 * @param source - the process-wide event feed
 * @param options - decide (the filter, or a thrown refusal), interval, logger, queue bound
 */
export async function openRecheckedEventStream<E>(
  source: EventFeed<E>,
  options: { decide: () => Promise<(event: E) => boolean>; everyMs?: number; logger: Logger; maxQueued?: number },
): Promise<AsyncIterableIterator<E | StreamRefused>> {
  let accept = await options.decide();
  let checking = false;
  const timer = setInterval(() => {
    if (checking) return;
    checking = true;
    options
      .decide()
      .then(
        (next) => void (accept = next),
        (error: unknown) => {
          // By code, not class: the rule's owner may have built its error with another graphql copy.
          const code = (error as { extensions?: { code?: unknown } } | undefined)?.extensions?.code;
          if (typeof code === 'string' && REFUSALS.has(code)) {
            stream.end(new StreamRefused(error as GraphQLError));
            return;
          }
          options.logger.warn({ err: error }, 'subscription scope could not be checked again; delivering nothing until it is');
          accept = () => false;
        },
      )
      .finally(() => (checking = false));
  }, options.everyMs ?? SCOPE_RECHECK_MS);
  timer.unref();
  const stream = openEventStream<E | StreamRefused>(
    source,
    (event) => !(event instanceof StreamRefused) && accept(event),
    options.maxQueued ?? MAX_QUEUED_EVENTS,
    () => clearInterval(timer),
  );
  return stream;
}

/**
 * A subscription field's `resolve` for a rechecked stream: the event, or the refusal thrown.
 * @param item - what the stream yielded
 */
export function eventOrRefusal<E>(item: E | StreamRefused): E {
  if (item instanceof StreamRefused) throw item.error;
  return item;
}
