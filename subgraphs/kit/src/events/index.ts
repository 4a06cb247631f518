/** Live event feeds behind subscriptions (`@hospital/subgraph-kit/events`). */
export * from './event-feed.ts';
export * from './event-stream.ts';
export * from './kafka-event-feed.ts';
export * from './recent-ids.ts';
export * from './listen-with-feed.ts';
export * from './rechecked-stream.ts';
