/**
 * Typed gRPC contracts of every department: service definitions loaded from the .proto files,
 * the generated message types, and promise clients with deadlines. One module per department.
 */
export * from './client.ts';
export * from './types.ts';
export * from './identity.ts';
export * from './patients.ts';
