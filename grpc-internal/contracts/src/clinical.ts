/** The clinical department's contract: service package and promise client. */
import { createPromiseClient, loadProto, type ClientOptions, type PromiseClient } from './client.ts';
import type { ProtoGrpcType } from './generated/clinical.ts';
import type { ClinicalServiceDefinition } from './generated/hospital/clinical/v1/ClinicalService.ts';

/** The clinical department's package (service constructor and definition). */
export const clinicalProto = loadProto<ProtoGrpcType>('hospital/clinical/v1/clinical.proto').hospital.clinical.v1;

/** Promise client of the clinical service. */
export type ClinicalClient = PromiseClient<ClinicalServiceDefinition>;

/**
 * Opens a client to the clinical service.
 * @param options - target and default deadline
 */
export function createClinicalClient(options: ClientOptions): ClinicalClient {
  return createPromiseClient<ClinicalServiceDefinition>(clinicalProto.ClinicalService, options);
}
