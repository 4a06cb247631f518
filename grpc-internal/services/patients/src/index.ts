/** @hospital/patients-service: patient records over gRPC. */
export { startPatientsService, type PatientsServiceConfig, type RunningPatientsService } from './patients-service.ts';
export { loadConfig } from './env.ts';
export { PATIENTS_SERVICE_NAME } from './service.ts';
