/**
 * Who may read and write a patient's clinical record: the service kit's one care-relationship rule
 * (`patientsInCare`: admins and the system's services; a doctor with a booked, checked-in or
 * completed appointment with the patient; ward staff of the ward the patient lies on now), asked
 * of the appointments and ward departments on the caller's behalf, plus one exception of the
 * clinical record's own: the author of a record (the doctor who opened an encounter, wrote a note,
 * recorded a problem, ordered a test) keeps access to that record.
 *
 * A refusal is FORBIDDEN with a message saying why (any clinician may find the patient, so an
 * unknown-id answer would be false) and a denied audit row against the patient. A batch read that
 * names several keys leaves the refused ones out (also a denied row each) and refuses only when it
 * would return nothing but refusals.
 */
import { forbidden, patientsInCare, type CareDirectory, type DomainError } from '@hospital/service-kit';
import type { CallScope } from '@hospital/service-kit/grpc';

/** The message of every refusal. */
export const NO_CARE_RELATIONSHIP =
  'You have no care relationship with this patient: their clinical record is open to their doctors (an appointment booked, checked in or completed), the staff of the ward they are on, and admins.';

/** The caller's user id, when a user calls (records name their authors by user id). */
const userIdOf = (scope: CallScope) => (scope.caller.kind === 'user' ? scope.caller.userId.toLowerCase() : undefined);

/**
 * Refuses one patient's record: the denied audit row, a log line with ids only, and the error to throw.
 * @param scope - the call
 * @param patientIds - whose record was refused
 * @param what - the kind of record, for the log line
 */
export function refuseRecord(scope: CallScope, patientIds: readonly string[], what: string): DomainError {
  scope.noteDeniedAccess?.(patientIds);
  scope.logger.warn({ patientIds, userId: userIdOf(scope), record: what }, 'clinical record refused: no care relationship');
  return forbidden(NO_CARE_RELATIONSHIP);
}

/**
 * Throws FORBIDDEN (audited as denied) unless the caller cares for the patient or is one of the
 * record's authors. For every write, and for reads of one record.
 * @param patientId - whose record
 * @param carers - the care relationships' facts
 * @param scope - the call
 * @param what - the kind of record, for the log line
 * @param authors - user ids of the record's authors (opener, author, orderer), if any
 */
export async function assertMayTouchRecord(patientId: string, carers: CareDirectory, scope: CallScope, what: string, authors: readonly string[] = []): Promise<void> {
  const me = userIdOf(scope);
  if (me !== undefined && authors.some((author) => author.toLowerCase() === me)) return;
  if ((await patientsInCare(scope.caller, [patientId], carers, scope)).has(patientId.toLowerCase())) return;
  throw refuseRecord(scope, [patientId], what);
}

/** How a batch read sees its records. */
export interface BatchShape<R> {
  /** The request key a record answers (a patient id, an encounter id). */
  keyOf(record: R): string;
  /** The patient the record belongs to. */
  patientOf(record: R): string;
  /** User ids of the record's authors, who keep access to it; none for patient-wide lists. */
  authorsOf?(record: R): readonly string[];
}

/**
 * The records of a batch read the caller may see. Keys whose records are all refused (and, for
 * patient-keyed reads, patients not in the caller's care) are left out with a denied audit row;
 * when every key asked is refused, the whole read is FORBIDDEN. Unknown keys are simply absent.
 * @param keys - the keys the request names (lower-case, unique)
 * @param records - every record found for them
 * @param shape - how records map to keys, patients and authors
 * @param carers - the care relationships' facts
 * @param scope - the call
 * @param what - the kind of record, for the log line
 * @param entityBatch - true for entity references (GetLabOrders): refused ids are always left out
 *   like unknown ones, never FORBIDDEN, as the other departments answer entity fetches
 */
export async function readableRecords<R>(
  keys: readonly string[],
  records: readonly R[],
  shape: BatchShape<R>,
  carers: CareDirectory,
  scope: CallScope,
  what: string,
  entityBatch = false,
): Promise<R[]> {
  const inCare = await patientsInCare(
    scope.caller,
    records.map((record) => shape.patientOf(record)),
    carers,
    scope,
  );
  const me = userIdOf(scope);
  const mayRead = (record: R) =>
    inCare.has(shape.patientOf(record).toLowerCase()) || (me !== undefined && (shape.authorsOf?.(record) ?? []).some((author) => author.toLowerCase() === me));
  const readable = records.filter(mayRead);
  const answered = new Set(readable.map((record) => shape.keyOf(record).toLowerCase()));
  // Refused: a key with records, none of them readable.
  const refusedPatients = new Set<string>();
  let refusedKeys = 0;
  for (const key of keys) {
    if (answered.has(key)) continue;
    const ofKey = records.filter((record) => shape.keyOf(record).toLowerCase() === key);
    if (ofKey.length === 0) continue;
    refusedKeys += 1;
    for (const record of ofKey) refusedPatients.add(shape.patientOf(record).toLowerCase());
  }
  if (!entityBatch && refusedKeys > 0 && refusedKeys === keys.length) throw refuseRecord(scope, [...refusedPatients], what);
  if (refusedPatients.size > 0) {
    scope.noteDeniedAccess?.([...refusedPatients]);
    scope.logger.warn({ patientIds: [...refusedPatients], userId: me, record: what }, 'clinical records withheld: no care relationship');
  }
  return readable;
}

/**
 * The patients (of a patient-keyed read) whose record the caller may read: those in their care;
 * the others withheld with a denied audit row, FORBIDDEN when none is. Asked before anything is read.
 * @param patientIds - the patients the request names (lower-case, unique)
 * @param carers - the care relationships' facts
 * @param scope - the call
 * @param what - the kind of record, for the log line
 */
export function readablePatients(patientIds: readonly string[], carers: CareDirectory, scope: CallScope, what: string): Promise<string[]> {
  return readableRecords(patientIds, patientIds, { keyOf: (id) => id, patientOf: (id) => id }, carers, scope, what);
}
