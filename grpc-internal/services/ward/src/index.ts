/** @hospital/ward-service: wards, beds and admissions over gRPC. */
export { startWardService, type WardServiceConfig, type RunningWardService } from './ward-service.ts';
export { loadConfig } from './env.ts';
export { WARD_SERVICE_NAME } from './service.ts';
