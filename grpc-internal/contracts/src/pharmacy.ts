/** The pharmacy department's contract: service package and promise client. */
import { createPromiseClient, loadProto, type ClientOptions, type PromiseClient } from './client.ts';
import type { ProtoGrpcType } from './generated/pharmacy.ts';
import type { PharmacyServiceDefinition } from './generated/hospital/pharmacy/v1/PharmacyService.ts';

/** The pharmacy department's package (service constructor and definition). */
export const pharmacyProto = loadProto<ProtoGrpcType>('hospital/pharmacy/v1/pharmacy.proto').hospital.pharmacy.v1;

/** Promise client of the pharmacy service. */
export type PharmacyClient = PromiseClient<PharmacyServiceDefinition>;

/**
 * Opens a client to the pharmacy service.
 * @param options - target and default deadline
 */
export function createPharmacyClient(options: ClientOptions): PharmacyClient {
  return createPromiseClient<PharmacyServiceDefinition>(pharmacyProto.PharmacyService, options);
}
