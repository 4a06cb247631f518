/** The ward department's contract: service package and promise client. */
import { createPromiseClient, loadProto, type ClientOptions, type PromiseClient } from './client.ts';
import type { ProtoGrpcType } from './generated/ward.ts';
import type { WardServiceDefinition } from './generated/hospital/ward/v1/WardService.ts';

/** The ward department's package (service constructor and definition). */
export const wardProto = loadProto<ProtoGrpcType>('hospital/ward/v1/ward.proto').hospital.ward.v1;

/** Promise client of the ward service. */
export type WardClient = PromiseClient<WardServiceDefinition>;

/**
 * Opens a client to the ward service.
 * @param options - target and default deadline
 */
export function createWardClient(options: ClientOptions): WardClient {
  return createPromiseClient<WardServiceDefinition>(wardProto.WardService, options);
}
