/**
 * Object-level access in the ward department, on top of the role admission in service.ts: ward
 * staff read and run only the wards they are assigned to; admins, doctors (their patients may lie
 * on any ward) and the system's own services see every ward. A ward, bed or admission outside the
 * caller's wards is answered exactly like an unknown id (left out of batches, NOT_FOUND for a single
 * record), so the answer never confirms that it exists.
 */
import { denyObjectAccess, type Caller, type DomainError, type Logger } from '@hospital/service-kit';
import { type CallScope } from '@hospital/service-kit/grpc';

/** Which wards a caller may see. */
export type WardScope = { kind: 'every-ward' } | { kind: 'assigned'; wardIds: ReadonlySet<string> };

/** What kind of record was refused, for the message and the audit line. */
export type WardObjectKind = 'ward' | 'bed' | 'admission';

/**
 * The wards a caller may see.
 * @param caller - the verified caller
 * @param assignedWardIds - reads the wards a user is assigned to (asked only for ward staff)
 */
export async function wardScopeOf(caller: Caller, assignedWardIds: (userId: string) => Promise<string[]>): Promise<WardScope> {
  if (caller.kind === 'user' && caller.role === 'ward_staff') return { kind: 'assigned', wardIds: new Set(await assignedWardIds(caller.userId)) };
  return { kind: 'every-ward' };
}

/**
 * True when the scope covers the ward.
 * @param scope - the caller's wards
 * @param wardId - the ward of the record
 */
export function coversWard(scope: WardScope, wardId: string): boolean {
  return scope.kind === 'every-ward' || scope.wardIds.has(wardId);
}

/**
 * THE object-level refusal of the ward department: every ward, bed or admission a caller asked
 * for by id and may not see passes through here (one place for an audit trail to record denied
 * accesses), on to the kit's one object-access refusal; callers that leave the record out of a
 * batch simply drop the error it returns.
 * @param caller - who asked
 * @param logger - the call's logger
 * @param object - what was refused (and whose record, when it is a patient's)
 * @param noteDenied - the call's audit note (CallScope.noteDeniedAccess)
 */
export function denyWardObjectAccess(
  caller: Caller,
  logger: Pick<Logger, 'warn'>,
  object: { kind: WardObjectKind; id: string; patientId?: string | undefined },
  noteDenied?: CallScope['noteDeniedAccess'],
): DomainError {
  return denyObjectAccess({ caller, logger, noteDeniedAccess: noteDenied }, object, "outside the caller's wards");
}
