/**
 * Typed gRPC contracts of every department: service definitions loaded from the .proto files,
 * the generated message types, and promise clients with deadlines. One module per department.
 */
export * from './client.ts';
export * from './types.ts';
export * from './identity.ts';
export * from './client-apps-types.ts';
export * from './audit.ts';
export * from './patients.ts';
export * from './appointments.ts';
export * from './appointments-types.ts';
export * from './notifications.ts';
export * from './notifications-types.ts';
export * from './finance.ts';
export * from './finance-types.ts';
export * from './pharmacy.ts';
export * from './pharmacy-types.ts';
export * from './ward.ts';
export * from './ward-types.ts';
export * from './clinical.ts';
export * from './clinical-types.ts';
export * from './events/index.ts';
export * from './appointments-visibility.ts';
