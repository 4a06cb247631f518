/** @hospital/service-kit: what every runnable shares (errors, identity, logging, env, gRPC server). */
export * from './errors.ts';
export * from './identity-token.ts';
export * from './logger.ts';
export * from './env.ts';
export * from './grpc-server.ts';
export * from './grpc-handler.ts';
export * from './grpc-metadata.ts';
export * from './shutdown.ts';
export * from './password.ts';
export * from './events/event-bus.ts';
export * from './events/kafka-event-bus.ts';
export * from './events/events-env.ts';
export * from './events/dead-letter.ts';
export * from './events/event-headers.ts';
export * from './validation.ts';
export * from './pagination.ts';
export * from './health-client.ts';
