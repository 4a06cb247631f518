/**
 * The one small interface every service uses for events. kafkajs is in maintenance mode, so it
 * stays behind this seam (kafka-event-bus.ts); swapping the client touches one file.
 */

/** A message to publish. Messages with the same key go to the same partition, in order. */
export interface OutgoingEvent {
  /** Partition key, e.g. the appointment id (keeps one aggregate's events in order). */
  key: string;
  /** Serialized payload (JSON text). */
  value: string;
  /** Small string headers (event type, schema version, event id). */
  headers?: Record<string, string>;
}

/** A message as a consumer receives it. */
export interface IncomingEvent {
  topic: string;
  partition: number;
  offset: string;
  key: string | null;
  value: string | null;
  headers: Record<string, string>;
}

/** Topic settings the project creates topics with. */
export interface TopicSpec {
  topic: string;
  partitions: number;
  /** Retention in milliseconds (-1 = forever). */
  retentionMs: number;
}

/** A running consumer. */
export interface Subscription {
  close(): Promise<void>;
}

/** Producer, consumer group and admin in one small interface. */
export interface EventBus {
  /** Creates the topic when missing (existing topics are left as they are). */
  ensureTopic(spec: TopicSpec): Promise<void>;
  /** Publishes and resolves only once the broker acknowledged every message (all in-sync replicas). */
  publish(topic: string, events: OutgoingEvent[]): Promise<void>;
  /**
   * Consumes a topic in a consumer group. An offset is committed only after `handle` resolved for
   * that message; a message whose handler throws is retried, so handlers must be idempotent and
   * should dead-letter what can never succeed rather than throw forever. Rejects when the consumer
   * cannot start (topic missing, broker unreachable), leaving nothing connected.
   */
  subscribe(options: {
    groupId: string;
    topic: string;
    fromBeginning?: boolean;
    handle: (event: IncomingEvent) => Promise<void>;
    /** Told when a running consumer stopped for good (a failure the client does not retry itself). */
    onStopped?: (error: unknown) => void;
  }): Promise<Subscription>;
  /** Disconnects producer, consumers and admin. */
  close(): Promise<void>;
}
