/** @hospital/clinical-service: encounters, notes and vital signs over gRPC. */
export { startClinicalService, type ClinicalServiceConfig, type RunningClinicalService } from './clinical-service.ts';
export { loadConfig } from './env.ts';
export { CLINICAL_SERVICE_NAME } from './service.ts';
