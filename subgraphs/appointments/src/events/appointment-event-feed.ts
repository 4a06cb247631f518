/**
 * Where the subgraph's subscriptions get appointment events from, behind one small interface.
 * Two implementations: a poller over the appointments service's PullEvents/AckEvents (always
 * available) and a Kafka consumer (when KAFKA_BROKERS is set). Both deliver every event to every
 * listener in this process, live only: events from before the feed started are not replayed.
 */
import type { Logger } from '@hospital/service-kit';
import type { AppointmentEventV1 } from '@hospital/grpc-contracts';

/** Receives each validated event once. */
export type AppointmentEventListener = (event: AppointmentEventV1) => void;

/** A process-wide feed of appointment events. */
export interface AppointmentEventFeed {
  /**
   * Registers a listener; the returned function removes it.
   * @param listener - called for every event from now on
   */
  subscribe(listener: AppointmentEventListener): () => void;
  /** Listeners registered now (open subscriptions in this process; for tests and metrics). */
  listenerCount(): number;
  /** Stops reading (subscribers receive nothing more). */
  close(): Promise<void>;
}

/**
 * The listener set both implementations share: one failing listener does not keep the event
 * from the others.
 */
export class ListenerSet {
  private readonly listeners = new Set<AppointmentEventListener>();

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
  add(listener: AppointmentEventListener, onChange?: () => void): () => void {
    // Wrapped so the same function subscribed twice counts twice and unsubscribes once each.
    const entry: AppointmentEventListener = (event) => listener(event);
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
  emit(event: AppointmentEventV1): void {
    for (const listener of [...this.listeners]) {
      try {
        listener(event);
      } catch (error) {
        this.logger.error({ err: error, eventId: event.eventId }, 'appointment event listener failed');
      }
    }
  }
}
