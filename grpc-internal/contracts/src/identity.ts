/** The identity department's contract: service package and promise client. */
import { createPromiseClient, loadProto, type ClientOptions, type PromiseClient } from './client.ts';
import type { ProtoGrpcType } from './generated/identity.ts';
import type { IdentityServiceDefinition } from './generated/hospital/identity/v1/IdentityService.ts';

/** The identity department's package (service constructor and definition). */
export const identityProto = loadProto<ProtoGrpcType>('hospital/identity/v1/identity.proto').hospital.identity.v1;

/** Promise client of the identity service. */
export type IdentityClient = PromiseClient<IdentityServiceDefinition>;

/**
 * Opens a client to the identity service.
 * @param options - target and default deadline
 */
export function createIdentityClient(options: ClientOptions): IdentityClient {
  return createPromiseClient<IdentityServiceDefinition>(identityProto.IdentityService, options);
}
