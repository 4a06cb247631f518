/**
 * The audit trail of patient data, as services see it: every read or write of a patient's data is
 * one entry saying who, what, when (the database clock), from where and with what outcome. Entries
 * never carry patient data itself: ids, resource names and field names only.
 */
import type { Caller, RequestOrigin } from './identity-token.ts';
import { distinctIds, isUuid } from './validation.ts';

/**
 * Refusals of anonymous callers one client address may leave in the audit trail per minute: the
 * router stops reporting past it and the identity service stops storing past it (one number, so
 * the two caps never drift apart).
 */
export const ANONYMOUS_REFUSALS_PER_ADDRESS_PER_MINUTE = 20;

/** Whether the access went ahead. */
export type AuditOutcome = 'allowed' | 'denied';

/** One access to one patient's data (or to no particular patient, e.g. an empty search). */
export interface AuditEntry {
  /** 'user', 'service', 'anonymous' or 'app'. */
  actorKind: Caller['kind'];
  /** User id, the service's name or the app's client id; null for anonymous callers. */
  actorId: string | null;
  /** The user's role; null for services and anonymous callers. */
  actorRole: string | null;
  /** The gRPC method, e.g. `PatientsService.GetPatients`. */
  action: string;
  /** The GraphQL operation name the router saw, when there was one. */
  operation: string | null;
  /** The kind of record, e.g. `Patient`, `Appointment`. */
  resource: string;
  /** The patient whose data it is; null when the access named none. */
  patientId: string | null;
  /** Field names written (empty: the whole record was read). */
  fields: string[];
  /** Allowed or denied. */
  outcome: AuditOutcome;
  /** Why it was denied (an error code), null when allowed. */
  reason: string | null;
  /** Client IP as the router saw it. */
  ip: string | null;
  /** Client User-Agent as the router saw it. */
  userAgent: string | null;
  /** The request id shared by every hop of the request. */
  requestId: string;
  /**
   * The registered app: the caller itself (actorKind 'app'), or the app a user acted through
   * (authorization code), recorded beside the user. Absent when no app was involved.
   */
  app?: AuditApp | undefined;
}

/** An app as the audit trail names it: client id and registered name. */
export interface AuditApp {
  clientId: string;
  name: string;
}

/**
 * The app behind a caller, if any: the app itself, or the app a user acts through.
 * @param caller - the verified caller
 */
export function auditAppOf(caller: Caller): AuditApp | undefined {
  if (caller.kind === 'app') return { clientId: caller.clientId, name: caller.name };
  if (caller.kind === 'user' && caller.app) return { clientId: caller.app.clientId, name: caller.app.name };
  return undefined;
}

/**
 * Where entries go: the append-only, hash-chained trail (see @hospital/db `createAuditLog`). The
 * unary wrapper hands it all of one call's entries at once (allowed and denied together), and the
 * sink combines concurrent calls' entries into shared INSERTs.
 */
export interface AuditSink {
  /** Appends entries; resolves once they are durably stored (the database's sealer chains them shortly after). */
  record(entries: readonly AuditEntry[]): Promise<void>;
}

/**
 * How one gRPC method touches patient data: the resource, and where the patients' ids are found.
 * Reads take ids from the response (only what was actually returned was accessed); a denied call
 * takes them from the request (what was asked for).
 */
export interface AuditSpec<Req, Res> {
  /** The kind of record, e.g. `Patient`. */
  resource: string;
  /** Patient ids the request names (for denied calls, and writes that return nothing useful). */
  requested?: (request: Req) => readonly string[];
  /**
   * Patient ids the response holds (what was actually accessed). Defaults to `requested` less the
   * patients whose records an object-level check withheld (those get only a denied row).
   * `withheld` holds those patients' ids, lower-cased.
   */
  returned?: (response: Res, request: Req, withheld: ReadonlySet<string>) => readonly string[];
  /** Field names the request writes; absent for reads. */
  fields?: (request: Req) => readonly string[];
}

/** A record that names its patient: an appointment, prescription, admission or invoice. */
export interface PatientRecord {
  patientId?: string;
}

/**
 * The patients a list of records names (empty strings for none; auditEntries drops them).
 * @param records - from a response
 */
export function patientIdsOf(records: readonly PatientRecord[] = []): string[] {
  return records.map((record) => record.patientId ?? '');
}

/**
 * The audit declaration of a change whose response is the changed record, naming its patient.
 * @param resource - the kind of record
 * @param fields - the field names the change writes
 */
export function auditedChange(resource: string, fields: readonly string[]): AuditSpec<unknown, PatientRecord> {
  return { resource, returned: (record) => [record.patientId ?? ''], fields: () => fields };
}

/** The call facts an entry needs, from the unary wrapper. */
export interface AuditCall {
  caller: Caller;
  origin: RequestOrigin;
  requestId: string;
  /** The gRPC method path, `/hospital.patients.v1.PatientsService/GetPatients`. */
  path: string;
}

/**
 * The entries for one call: one per distinct patient id, or one naming no patient when there is
 * none (a search that found nothing was still a look into patient data).
 * @param call - who, from where, which method
 * @param resource - the kind of record
 * @param patientIds - the patients concerned
 * @param outcome - allowed or denied, with the reason code when denied
 * @param fields - field names written
 */
export function auditEntries(
  call: AuditCall,
  resource: string,
  patientIds: readonly string[],
  outcome: { outcome: AuditOutcome; reason?: string },
  fields: readonly string[] = [],
): AuditEntry[] {
  const { caller, origin } = call;
  const base = {
    actorKind: caller.kind,
    actorId: caller.kind === 'user' ? caller.userId : caller.kind === 'service' ? caller.service : caller.kind === 'app' ? caller.clientId : null,
    actorRole: caller.kind === 'user' ? caller.role : null,
    action: actionOf(call.path),
    operation: origin.operation ?? null,
    resource,
    fields: [...fields],
    outcome: outcome.outcome,
    reason: outcome.reason ?? null,
    ip: origin.ip ?? null,
    userAgent: origin.userAgent ?? null,
    requestId: call.requestId,
    app: auditAppOf(caller),
  };
  // Only well-formed ids: a denied request may name anything, and the column holds UUIDs.
  const ids = distinctIds(patientIds.filter(isUuid));
  return ids.length === 0 ? [{ ...base, patientId: null }] : ids.map((patientId) => ({ ...base, patientId }));
}

/**
 * `PatientsService.GetPatients` from `/hospital.patients.v1.PatientsService/GetPatients`.
 * @param path - a gRPC method path
 */
export function actionOf(path: string): string {
  const [service = '', method = ''] = path.replace(/^\//, '').split('/');
  return `${service.split('.').at(-1) ?? service}.${method}`;
}
