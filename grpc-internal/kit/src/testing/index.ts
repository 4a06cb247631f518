export * from './grpc-expect.ts';
