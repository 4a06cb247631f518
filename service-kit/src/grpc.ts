/** @hospital/service-kit/grpc: the gRPC side of the kit (server, unary wrapper, metadata, call shedding, health client, delivered-reads audit reporter, gRPC meters, the care and patient directories over gRPC). */
export * from './grpc-server.ts';
export * from './call-shedding.ts';
export * from './grpc-handler.ts';
export * from './grpc-status.ts';
export * from './grpc-metadata.ts';
export * from './health-client.ts';
export * from './delivery-audit.ts';
export { meteredAuditSink, observeGrpcCall } from './metrics/grpc-metrics.ts';
export * from './care/grpc-care-directory.ts';
export * from './care/patient-directory.ts';
