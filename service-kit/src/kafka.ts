/** @hospital/service-kit/kafka: the one event-bus interface and its kafkajs implementation; only event producers and consumers load it. */
export * from './events/event-bus.ts';
export * from './events/kafka-event-bus.ts';
export * from './events/events-env.ts';
export * from './events/dead-letter.ts';
export * from './events/event-headers.ts';
export * from './events/outbox-relay.ts';
export * from './events/kafka-outbox-relay.ts';
