/** @hospital/pharmacy-service: drug catalogue, stock lots and prescriptions over gRPC. */
export { startPharmacyService, type PharmacyServiceConfig, type RunningPharmacyService } from './pharmacy-service.ts';
export { loadConfig } from './env.ts';
export { PHARMACY_SERVICE_NAME } from './service.ts';
