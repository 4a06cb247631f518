/** @hospital/identity-service: users, passwords and sessions over gRPC. */
export { startIdentityService, type IdentityServiceConfig, type RunningIdentityService } from './identity-service.ts';
export { loadConfig } from './env.ts';
export { IDENTITY_SERVICE_NAME } from './service.ts';
