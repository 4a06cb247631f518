/** Signed caller metadata for services' test harnesses (`@hospital/service-kit/testing`). */
import { randomUUID } from 'node:crypto';
import type { Metadata } from '@grpc/grpc-js';
import { callMetadata } from '../grpc-metadata.ts';
import { signIdentity, type Caller, type RoleName } from '../identity-token.ts';

/**
 * A harness's `as`: the metadata of a call made as a user holding `role` (`<role>@test.local`),
 * or as an anonymous caller without a role, signed with the harness's internal secret.
 * @param internalSecret - the secret the service under test verifies with
 * @returns `as(role?, userId?, requestId?)`; the ids are fresh UUIDs unless given
 */
export function signedAs(internalSecret: string): (role?: RoleName, userId?: string, requestId?: string) => Metadata {
  return (role, userId = randomUUID(), requestId = randomUUID()) => {
    const caller: Caller = role ? { kind: 'user', userId, role, email: `${role}@test.local` } : { kind: 'anonymous' };
    return callMetadata(signIdentity(caller, internalSecret), requestId);
  };
}

/**
 * A harness's `sign`: the metadata of a call made as any caller (a user, a service, anonymous),
 * signed with the harness's internal secret, under a fresh request id.
 * @param internalSecret - the secret the service under test verifies with
 */
export function signedCaller(internalSecret: string): (caller: Caller) => Metadata {
  return (caller) => callMetadata(signIdentity(caller, internalSecret), randomUUID());
}
