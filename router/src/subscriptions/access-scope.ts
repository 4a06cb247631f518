/**
 * The access scope of a subscriber: exactly what decides what they may see of an event, so that
 * subscribers of one scope (and one selection) can share one upstream stream and one resolution
 * of each event, and subscribers of different scopes never share anything.
 *
 * - The role decides every `@auth` rule (the admission already refused what the role may not select).
 * - A doctor sees only their own appointments and the patients in their care (the appointments
 *   department's doctor-visibility rule, `ownDoctorOf` in `@hospital/grpc-contracts`): a doctor's scope
 *   is the doctor.
 * - Ward staff see only the wards they are assigned to (the ward department's `wardScopeOf`), and
 *   the clinical record of patients on those wards only: a ward staff member's scope is the person
 *   whenever the selection reaches the ward or clinical subgraph; elsewhere (patients' names, staff
 *   names, appointments) their role decides alone.
 * - Admins see everything: their role is their scope, except on the clinical subgraph, whose
 *   event values are audited per subscriber by the subgraph itself (one upstream stream per
 *   reader, so each admin's delivery is recorded as theirs).
 * Anything else (a service, an anonymous caller, a role this table does not know) is scoped to
 * the caller alone, so a new per-user rule can only make sharing rarer, never leak.
 */
import { ownDoctorOf } from '@hospital/grpc-contracts';
import { actingAppKey, type Caller } from '@hospital/service-kit';

/**
 * Subgraphs whose answers depend on who a role's caller is, beyond the role (`'*'`: all).
 * Doctors are not listed: the appointments department's rule (`ownDoctorOf`) scopes them.
 */
const PER_USER_SUBGRAPHS: Readonly<Record<string, readonly string[]>> = {
  // Clinical too: its vitals, lab records and ward vitals events follow the person's wards.
  ward_staff: ['ward', 'clinical'],
  // Clinical events carry clinical values the subgraph audits per subscriber of its stream.
  admin: ['clinical'],
};

/**
 * The scope key of a caller for a selection that reaches these subgraphs.
 * @param caller - the verified caller
 * @param subgraphs - the subgraphs the selection is answered by
 */
export function accessScopeOf(caller: Caller, subgraphs: Iterable<string>): string {
  // An app sees what its scopes allow: its own view, never shared with a user or another app.
  if (caller.kind === 'app') return `app:${caller.clientId}:${caller.scopes.join(' ')}`;
  if (caller.kind !== 'user') return caller.kind === 'service' ? `service:${caller.service}` : 'anonymous';
  // A user acting through an app sees what the role AND the app's scopes allow: a view of its own.
  if (caller.app) return `user:${caller.userId}:${caller.role}${actingAppKey(caller)}`;
  // A caller who sees only their own appointments sees a per-user view everywhere.
  if (ownDoctorOf(caller) !== undefined) return `user:${caller.userId}:${caller.role}`;
  const perUser = PER_USER_SUBGRAPHS[caller.role];
  if (!perUser) return `user:${caller.userId}:${caller.role}`;
  for (const subgraph of subgraphs) {
    if (perUser.includes('*') || perUser.includes(subgraph)) return `user:${caller.userId}:${caller.role}`;
  }
  return `role:${caller.role}`;
}
