/** The patients department's contract: service package and promise client. */
import { createPromiseClient, loadProto, type ClientOptions, type PromiseClient } from './client.ts';
import type { ProtoGrpcType } from './generated/patients.ts';
import type { PatientsServiceDefinition } from './generated/hospital/patients/v1/PatientsService.ts';

/** The patients department's package (service constructor and definition). */
export const patientsProto = loadProto<ProtoGrpcType>('hospital/patients/v1/patients.proto').hospital.patients.v1;

/** Promise client of the patients service. */
export type PatientsClient = PromiseClient<PatientsServiceDefinition>;

/**
 * Opens a client to the patients service.
 * @param options - target and default deadline
 */
export function createPatientsClient(options: ClientOptions): PatientsClient {
  return createPromiseClient<PatientsServiceDefinition>(patientsProto.PatientsService, options);
}
