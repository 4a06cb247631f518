/**
 * Where a subgraph's subscriptions get a department's events from, behind one small interface.
 * A feed delivers every event to every listener in this process, live only: events from before
 * the feed started are not replayed. Implementations: the Kafka feed here (any event contract),
 * and whatever a department adds (the appointments subgraph's outbox poller).
 */
import { randomBytes } from 'node:crypto';
import type { Logger } from '@hospital/service-kit';

/** What every event contract's payload has: the id consumers de-duplicate on. */
export interface IdentifiedEvent {
  /** Event UUID (= the outbox row id). */
  eventId: string;
}

/** Receives each validated event once. */
export type EventListener<E> = (event: E) => void;

/** A process-wide feed of one department's events. */
export interface EventFeed<E> {
  /**
   * Registers a listener; the returned function removes it.
   * @param listener - called for every event from now on
   */
  subscribe(listener: EventListener<E>): () => void;
  /** Listeners registered now (open subscriptions in this process; for tests and metrics). */
  listenerCount(): number;
  /**
   * Whether events are being read now (absent: always). A feed still starting, or restarting after
   * its transport failed, keeps its listeners and answers false: the subgraph reports not ready.
   */
  reading?(): boolean;
  /** Stops reading (subscribers receive nothing more). */
  close(): Promise<void>;
}

/**
 * A feed on which nothing ever arrives: subscriptions are accepted and stay open (a subgraph whose
 * event transport is not configured, so that its schema stays the same everywhere).
 */
export function idleEventFeed<E>(): EventFeed<E> {
  let listeners = 0;
  return {
    subscribe() {
      listeners += 1;
      let subscribed = true;
      return () => {
        if (subscribed) listeners -= 1;
        subscribed = false;
      };
    },
    listenerCount: () => listeners,
    close: async () => {},
  };
}

/**
 * Consumer name of one replica (a Kafka group, an outbox consumer): a service principal name, so
 * at most 41 characters. Every replica has its own, so every replica sees every event.
 * @param prefix - the subgraph, e.g. `appointments-subgraph` (at most 30 characters)
 */
export function replicaConsumerName(prefix: string): string {
  return `${prefix}-${randomBytes(5).toString('hex')}`;
}

/**
 * The listener set every feed shares: one failing listener does not keep the event from the others.
 */
export class ListenerSet<E extends IdentifiedEvent> {
  private readonly listeners = new Set<EventListener<E>>();

  /** @param logger - where a throwing listener is reported */
  constructor(private readonly logger: Logger) {}

  /** How many listeners are registered (pollers only poll while there are some). */
  get size(): number {
    return this.listeners.size;
  }

  /**
   * Adds a listener.
   * @param listener - the listener
   * @param onChange - told after the set grew or shrank
   */
  add(listener: EventListener<E>, onChange?: () => void): () => void {
    // Wrapped so the same function subscribed twice counts twice and unsubscribes once each.
    const entry: EventListener<E> = (event) => listener(event);
    this.listeners.add(entry);
    onChange?.();
    return () => {
      if (this.listeners.delete(entry)) onChange?.();
    };
  }

  /**
   * Hands an event to every listener.
   * @param event - a validated event
   */
  emit(event: E): void {
    for (const listener of [...this.listeners]) {
      try {
        listener(event);
      } catch (error) {
        this.logger.error({ err: error, eventId: event.eventId }, 'event listener failed');
      }
    }
  }
}
