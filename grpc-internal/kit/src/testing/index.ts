export * from './grpc-expect.ts';
export * from './staff-password.ts';
