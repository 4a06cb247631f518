/**
 * THE appointments department's doctor-visibility rule, as a pure function every layer imports:
 * a doctor sees only their own appointments (and the patients in their care); admins, ward staff
 * and the system's own services see everyone's, as do apps (their system scopes are checked at the
 * edge and in the subgraph). The appointments service applies it to listings and reads, the appointments subgraph to its event subscription, the router to the scope it
 * shares subscription streams by. Each caller turns a refusal into its own error (gRPC
 * PERMISSION_DENIED, GraphQL FORBIDDEN).
 */

/** The caller as the rule needs it (the service kit's `Caller` fits). */
export type VisibilityCaller = { kind: 'user'; userId: string; role: string } | { kind: 'anonymous' | 'service' | 'app' };

/**
 * The one doctor whose appointments the caller may see; undefined when they may see everyone's.
 * @param caller - the verified caller
 */
export function ownDoctorOf(caller: VisibilityCaller): string | undefined {
  return caller.kind === 'user' && caller.role === 'doctor' ? caller.userId : undefined;
}

/** The doctor filter a caller gets: one doctor, everyone (undefined), or refused (a doctor named a colleague). */
export type DoctorFilter = { ok: true; doctorId: string | undefined } | { ok: false };

/**
 * The doctor filter of a listing or subscription: a doctor always gets their own appointments
 * (naming themself changes nothing) and may not name a colleague; everyone else gets what they
 * asked for (undefined: every doctor).
 * @param caller - the verified caller
 * @param requested - the doctor the request names, if any
 */
export function doctorFilterOf(caller: VisibilityCaller, requested: string | undefined): DoctorFilter {
  const own = ownDoctorOf(caller);
  if (own === undefined) return { ok: true, doctorId: requested };
  if (requested !== undefined && requested !== own) return { ok: false };
  return { ok: true, doctorId: own };
}
