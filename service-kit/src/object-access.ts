/**
 * THE object-level refusal every department uses: a record the caller may not see or act on is
 * answered exactly like an unknown id (NOT_FOUND), so the answer never confirms that it exists.
 * One place for the audit note, the warning line and the message.
 */
import { ObjectAccessDenied, type DomainError } from './errors.ts';
import type { CallScope } from './grpc-handler.ts';
import type { Logger } from './logger.ts';

/** What was refused: the kind of record (it names the message), its id, and whose it was. */
export interface RefusedObject {
  /** e.g. `prescription`, `appointment`, `ward`; the message says `No <kind> with this id.` */
  kind: string;
  /** The id asked for (logged, never shown beyond the unknown-id message). */
  id: string;
  /** The patient whose record it is; the audit trail gets a denied row against them. */
  patientId?: string | undefined;
}

/**
 * Refuses access to one record: notes the patient for the audit trail's denied row, logs ids only
 * (with why), and returns the NOT_FOUND an unknown id gets (throw it, or drop it from a batch).
 * @param scope - the call: caller, logger and (optionally) the audit note
 * @param object - what was refused
 * @param why - a short reason for the log line, e.g. "another doctor's appointment"
 */
export function denyObjectAccess(scope: Pick<CallScope, 'caller' | 'noteDeniedAccess'> & { logger: Pick<Logger, 'warn'> }, object: RefusedObject, why: string): DomainError {
  if (object.patientId) scope.noteDeniedAccess?.([object.patientId]);
  const userId = scope.caller.kind === 'user' ? scope.caller.userId : undefined;
  scope.logger.warn({ objectKind: object.kind, objectId: object.id, userId }, `object access denied: ${why}`);
  return new ObjectAccessDenied(`No ${object.kind} with this id.`);
}
