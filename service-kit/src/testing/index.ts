export * from './grpc-expect.ts';
export * from './staff-password.ts';
export * from '../tracing/otlp-receiver.ts';
export * from './call-deadline.ts';
export * from './service-env-cases.ts';
export * from './signed-caller.ts';
export * from './harness-for-file.ts';
export * from './unique-letters.ts';
