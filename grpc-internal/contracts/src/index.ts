/**
 * Typed gRPC contracts of every department: service definitions loaded from the .proto files,
 * the generated message types, and promise clients with deadlines. One module per department.
 */
export * from './client.ts';
// Every generated message, enum and handler type under its short name (npm run generate writes it).
export * from './generated/type-barrel.ts';
export * from './identity.ts';
export * from './audit.ts';
export * from './patients.ts';
export * from './appointments.ts';
export * from './notifications.ts';
export * from './finance.ts';
export * from './pharmacy.ts';
export * from './ward.ts';
export * from './clinical.ts';
export * from './events/index.ts';
export * from './appointments-visibility.ts';
